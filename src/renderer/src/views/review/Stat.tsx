import type { Computed } from '@shared/agreement/not-computable'

/** A statistic as shown: three decimals, or why there is none (in the cell's title). */
export function Stat({ s }: { s: Computed }) {
  return s.ok ? <span>{s.value.toFixed(3)}</span> : <span className="no-value" title={s.message}>n/a</span>
}
