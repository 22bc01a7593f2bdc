import type { AgreementReport } from '@shared/agreement/agreement-report'
import { AgreementBars } from './AgreementBars'
import { ArticleAgreementTable } from './ArticleAgreementTable'
import { PairHeatmap } from './PairHeatmap'
import { Stat } from './Stat'
import { useAttributeName } from './useAttributeName'

/** The figures of an agreement report that compared something: overall, per label, per attribute, per coder pair, per article. */
export function AgreementFigures({ report, names }: { report: AgreementReport; names: Record<string, string> }) {
  const attributeName = useAttributeName()
  return (
    <>
      <h2>Overall</h2>
      <table className="review-table" aria-label="Overall agreement">
        <tbody>
          <tr><th>F1, exact match</th><td><Stat s={report.overall.exact.f1} /></td></tr>
          <tr><th>F1, overlap</th><td><Stat s={report.overall.overlap.f1} /></td></tr>
          <tr><th>{report.overall.labelKappa.statistic === 'cohen_kappa' ? 'Cohen’s kappa' : 'Fleiss’ kappa'} (labels on units)</th><td><Stat s={report.overall.labelKappa} /></td></tr>
          <tr><th>Krippendorff’s alpha (labels on units, nominal)</th><td><Stat s={report.overall.labelAlpha} /></td></tr>
          <tr><th>Unitizing alpha (character continuum)</th><td><Stat s={report.overall.unitizingAlpha} /></td></tr>
        </tbody>
      </table>
      <h2>Per label</h2>
      <AgreementBars report={report} />
      <table className="review-table" aria-label="Agreement per label">
        <thead>
          <tr><th>Label</th><th>F1 exact</th><th>F1 overlap</th><th>kappa</th><th>alpha</th><th>unitizing alpha</th></tr>
        </thead>
        <tbody>
          {report.perLabel.map((l) => (
            <tr key={l.label}>
              <th>{l.label}</th><td><Stat s={l.exact.f1} /></td><td><Stat s={l.overlap.f1} /></td><td><Stat s={l.kappa} /></td><td><Stat s={l.alpha} /></td><td><Stat s={l.unitizingAlpha} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.perAttribute.length > 0 && (
        <>
          <h2>Per attribute (Krippendorff’s alpha on matched units)</h2>
          <table className="review-table" aria-label="Agreement per attribute">
            <thead>
              <tr><th>Attribute</th><th>Level</th><th>alpha</th><th>Units</th></tr>
            </thead>
            <tbody>
              {report.perAttribute.map((a) => (
                <tr key={`${a.label}.${a.key}`}>
                  <th title={a.key}>{a.label}: {attributeName(a.label, a.key)}</th><td>{a.level}</td><td><Stat s={a.alpha} /></td><td>{a.units}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {report.annotators.length > 1 && (
        <>
          <h2>Coder pairs</h2>
          <PairHeatmap report={report} names={names} />
        </>
      )}
      <h2>Per article</h2>
      <ArticleAgreementTable report={report} />
    </>
  )
}
