import type { MissingCount } from '@shared/domain'
import { useCodebook } from '../../labels'

/** "3 Events missing a date": incomplete tags in one article, by label and required attribute. */
export function MissingSummary({ missing }: { missing: MissingCount[] }) {
  const codebook = useCodebook()
  if (missing.length === 0) return null
  const text = (m: MissingCount) => {
    const name = codebook?.labels.find((l) => l.name === m.label)?.attributes.find((a) => a.key === m.attribute)?.name ?? m.attribute
    return `${m.count} ${m.label}${m.count === 1 ? '' : 's'} missing ${name.toLowerCase()}`
  }
  const sorted = [...missing].sort((a, b) => b.count - a.count)
  return (
    <div className="corpus-missing" title={sorted.map(text).join('\n')}>
      {text(sorted[0]!)}
      {sorted.length > 1 ? ` (+${sorted.length - 1} more)` : ''}
    </div>
  )
}
