import type { AgreementReport } from '@shared/agreement/agreement-report'

const CELL = 64
const HEAD = 120

/** The coder-pair matrix of overlap F1: darker is higher; a pair with no value shows "n/a". */
export function PairHeatmap({ report, names }: { report: AgreementReport; names: Record<string, string> }) {
  const coders = report.annotators.map((a) => a.id)
  const value = (a: string, b: string) => report.pairwise.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a))?.overlap.f1
  return (
    <svg className="pair-heatmap" role="img" aria-label="Agreement between coder pairs" width={HEAD + coders.length * CELL} height={HEAD / 2 + coders.length * CELL}>
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
                <rect width={CELL - 2} height={CELL - 2} fill={v === null ? '#f6f8fa' : `rgba(9, 105, 218, ${0.1 + 0.9 * Math.max(0, v)})`} />
                <text x={CELL / 2} y={CELL / 2 + 4} fontSize="12" textAnchor="middle" fill={v !== null && v > 0.6 ? '#fff' : '#1f2328'}>
                  {a === b ? '—' : v === null ? 'n/a' : v.toFixed(2)}
                </text>
              </g>
            )
          })}
        </g>
      ))}
    </svg>
  )
}
