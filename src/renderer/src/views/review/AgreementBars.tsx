import type { AgreementReport } from '@shared/agreement/agreement-report'
import { labelColor } from '../../labels'

const ROW = 22
const LABEL_W = 110
const BAR_W = 320

/** Per-label bars: F1 (overlap) and Krippendorff's alpha, on a common 0–1 scale; a missing value is drawn as "n/a". */
export function AgreementBars({ report }: { report: AgreementReport }) {
  const rows = report.perLabel.flatMap((l) => [
    { key: `${l.label}-f1`, label: l.label, what: 'F1 overlap', s: l.overlap.f1 },
    { key: `${l.label}-alpha`, label: '', what: 'alpha', s: l.alpha }
  ])
  return (
    <svg className="agreement-bars" role="img" aria-label="Agreement per label" width={LABEL_W + BAR_W + 150} height={rows.length * ROW + 24}>
      {[0, 0.5, 1].map((t) => (
        <g key={t}>
          <line x1={LABEL_W + t * BAR_W} x2={LABEL_W + t * BAR_W} y1={0} y2={rows.length * ROW} stroke="#d0d7de" />
          <text x={LABEL_W + t * BAR_W} y={rows.length * ROW + 16} fontSize="11" textAnchor="middle">{t}</text>
        </g>
      ))}
      {rows.map((r, i) => {
        const v = r.s.ok ? Math.max(0, Math.min(1, r.s.value)) : 0
        return (
          <g key={r.key} transform={`translate(0, ${i * ROW})`}>
            <text x={LABEL_W - 6} y={15} fontSize="12" textAnchor="end">{r.label}</text>
            <rect x={LABEL_W} y={4} width={v * BAR_W} height={14} fill={labelColor(r.label || report.perLabel[Math.floor(i / 2)]!.label)} opacity={r.what === 'alpha' ? 0.55 : 1} />
            <text x={LABEL_W + BAR_W + 6} y={15} fontSize="11">
              {r.what}: {r.s.ok ? r.s.value.toFixed(3) : 'n/a'}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
