import { useState } from 'react'
import type { AgreementReport, AttributeStats } from '@shared/agreement/agreement-report'
import { Stat } from './Stat'
import { useAttributeName } from './useAttributeName'

const keyOf = (a: Pick<AttributeStats, 'label' | 'key'>) => `${a.label}\u0000${a.key}`

/** Agreement per article, with Krippendorff's alpha on one attribute picked above the table (a codebook may have dozens). */
export function ArticleAgreementTable({ report }: { report: AgreementReport }) {
  const [picked, setPicked] = useState<string | null>(null)
  const attributeName = useAttributeName()
  const attributes = report.perAttribute
  const chosen = picked === null ? -1 : attributes.findIndex((a) => keyOf(a) === picked)
  // until one is picked: the first attribute with a value in some article, so that the column shows something
  const index = chosen >= 0 ? chosen : Math.max(0, attributes.findIndex((_, i) => report.perArticle.some((a) => a.perAttribute[i]!.alpha.ok)))
  const attribute = attributes[index]
  return (
    <>
      {attribute && (
        <label className="statistic-pick">
          Attribute shown per article{' '}
          <select value={keyOf(attribute)} onChange={(e) => setPicked(e.target.value)}>
            {attributes.map((a) => (
              <option key={keyOf(a)} value={keyOf(a)}>
                {a.label}: {attributeName(a.label, a.key)}
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="review-table" aria-label="Agreement per article">
        <thead>
          <tr>
            <th>Article</th><th>Units</th><th>F1 exact</th><th>F1 overlap</th><th>kappa</th><th>unitizing alpha</th>
            {attribute && <th>alpha: {attribute.label}: {attributeName(attribute.label, attribute.key)}</th>}
          </tr>
        </thead>
        <tbody>
          {report.perArticle.map((a) => (
            <tr key={a.id}>
              <th><a href={`#/article/${a.id}/review`}>{a.title}</a></th><td>{a.units}</td><td><Stat s={a.exact.f1} /></td><td><Stat s={a.overlap.f1} /></td><td><Stat s={a.labelKappa} /></td><td><Stat s={a.unitizingAlpha} /></td>
              {attribute && <td><Stat s={a.perAttribute[index]!.alpha} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
