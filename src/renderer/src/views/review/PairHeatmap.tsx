import { useState } from 'react'
import type { AgreementReport, PairStats } from '@shared/agreement/agreement-report'
import type { Computed } from '@shared/agreement/not-computable'

const CELL = 64
const HEAD = 120

/** The pairwise statistics the matrix can show, in the order the picker offers them. */
export const PAIR_STATISTICS = [
  { key: 'f1_overlap', name: 'F1, overlap', of: (p: PairStats): Computed => p.overlap.f1 },
  { key: 'f1_exact', name: 'F1, exact match', of: (p: PairStats): Computed => p.exact.f1 },
  { key: 'kappa', name: 'Cohen’s kappa', of: (p: PairStats): Computed => p.kappa },
  { key: 'unitizing_alpha', name: 'Unitizing alpha (all labels)', of: (p: PairStats): Computed => p.unitizingAlpha }
] as const

/** The coder-pair matrix of one pairwise statistic, picked above it: darker is higher; a pair with no value shows "n/a" and why. */
export function PairHeatmap({ report, names }: { report: AgreementReport; names: Record<string, string> }) {
  const [key, setKey] = useState<string>(PAIR_STATISTICS[0].key)
  const statistic = PAIR_STATISTICS.find((s) => s.key === key) ?? PAIR_STATISTICS[0]
  const coders = report.annotators.map((a) => a.id)
  const value = (a: string, b: string) => {
    const pair = report.pairwise.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))
    return pair ? statistic.of(pair) : undefined
  }
  return (
    <div>
      <label className="statistic-pick">
        Statistic{' '}
        <select value={statistic.key} onChange={(e) => setKey(e.target.value)}>
          {PAIR_STATISTICS.map((s) => (
            <option key={s.key} value={s.key}>{s.name}</option>
          ))}
        </select>
      </label>
      <svg className="pair-heatmap" role="img" aria-label={`${statistic.name} between coder pairs`} width={HEAD + coders.length * CELL} height={HEAD / 2 + coders.length * CELL}>
        {coders.map((c, j) => (
          <text key={c} x={HEAD + j * CELL + CELL / 2} y={HEAD / 2 - 8} fontSize="11" textAnchor="middle">{names[c] ?? c}</text>
        ))}
        {coders.map((a, i) => (
          <g key={a} transform={`translate(0, ${HEAD / 2 + i * CELL})`}>
            <text x={HEAD - 8} y={CELL / 2 + 4} fontSize="11" textAnchor="end">{names[a] ?? a}</text>
            {coders.map((b, j) => {
              const s = a === b ? null : value(a, b)
              const v = s?.ok ? s.value : null
              return (
                <g key={b} transform={`translate(${HEAD + j * CELL}, 0)`}>
                  <rect width={CELL - 2} height={CELL - 2} fill={v === null ? '#f6f8fa' : `rgba(9, 105, 218, ${0.1 + 0.9 * Math.max(0, Math.min(1, v))})`}>
                    {s && !s.ok && <title>{s.message}</title>}
                  </rect>
                  <text x={CELL / 2} y={CELL / 2 + 4} fontSize="12" textAnchor="middle" fill={v !== null && v > 0.6 ? '#fff' : '#1f2328'}>
                    {a === b ? '—' : v === null ? 'n/a' : v.toFixed(2)}
                  </text>
                </g>
              )
            })}
          </g>
        ))}
      </svg>
    </div>
  )
}
