import type { AgreementReport, KappaStat, SpanAgreement } from './agreement-report'
import type { Computed } from './not-computable'
import { plural } from '../plural'

/** One statistic as a flat record: the rows of the CSV export. */
export interface ReportRow {
  scope: 'corpus' | 'pair' | 'article'
  article: string
  /** The article's title, so a per-article row can be read without the project at hand. */
  article_title: string
  label: string
  attribute: string
  statistic: string
  annotators: string
  /** Empty when the statistic could not be computed. */
  value: number | ''
  n: number | ''
  note: string
}

export const CSV_COLUMNS = ['scope', 'article', 'article_title', 'label', 'attribute', 'statistic', 'annotators', 'value', 'n', 'note'] as const

/**
 * The report as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break),
 * one row per statistic with a header row. Hand-written rather than csv-stringify: that package reads the Node
 * global Buffer when it loads, which would break this shared module in the renderer.
 */
export function reportToCsv(report: AgreementReport): string {
  const lines = [CSV_COLUMNS.join(',')]
  for (const row of reportRows(report)) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','))
  return lines.join('\r\n') + '\r\n'
}

/** RFC 4180 quoting of one field. */
export function csvField(value: string | number): string {
  const s = String(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Flattens every statistic in the report, corpus first, then annotator pairs, then articles. */
export function reportRows(report: AgreementReport): ReportRow[] {
  const names = new Map(report.annotators.map((a) => [a.id, a.name]))
  const nameOf = (id: string): string => names.get(id) ?? id
  const all = report.annotators.map((a) => a.name).join(' & ')
  const rows: ReportRow[] = []
  const base = { scope: 'corpus' as ReportRow['scope'], article: '', article_title: '', label: '', attribute: '', annotators: all }
  const reference = report.annotators.length === 2 ? `reference: ${report.annotators[0]!.name}` : ''

  const spanRows = (agreement: SpanAgreement, criterion: 'exact' | 'overlap', at: Omit<ReportRow, 'statistic' | 'value' | 'n' | 'note'>, ref: string): void => {
    for (const measure of ['precision', 'recall', 'f1'] as const) {
      const r = agreement[measure]
      // precision and recall do not exist for pooled pairs: leave them out rather than print a row of "not applicable"
      if (!r.ok && r.reason === 'not_applicable') continue
      // n is the denominator: B's tags for precision, the reference's for recall, both for F1
      const n = !r.ok ? '' : measure === 'precision' ? r.spansB : measure === 'recall' ? r.spansA : r.spansA + r.spansB
      rows.push(row(at, `${measure}_${criterion}`, r, n, measure === 'f1' ? '' : ref))
    }
  }
  const kappaRow = (k: KappaStat, at: Omit<ReportRow, 'statistic' | 'value' | 'n' | 'note'>, what = ''): void => {
    rows.push(row(at, k.statistic, k, k.ok ? k.n : '', k.ok ? `${what}observed ${fmt(k.observedAgreement)}, expected ${fmt(k.expectedAgreement)}` : ''))
  }
  const alphaRow = (
    a: Computed<{ n: number; observedDisagreement: number; expectedDisagreement: number }>,
    level: string,
    at: Omit<ReportRow, 'statistic' | 'value' | 'n' | 'note'>,
    what = ''
  ): void => {
    rows.push(row(at, `krippendorff_alpha_${level}`, a, a.ok ? a.n : '', a.ok ? `${what}D_o ${fmt(a.observedDisagreement)}, D_e ${fmt(a.expectedDisagreement)}` : ''))
  }
  // per label, kappa and alpha compare "this label" with everything else on the same units
  const versus = 'this label versus (other); '
  const unitizingRow = (u: Computed<{ length: number; articles?: number }>, at: Omit<ReportRow, 'statistic' | 'value' | 'n' | 'note'>): void => {
    rows.push(row(at, 'unitizing_alpha', u, u.ok ? u.length : '', u.ok && u.articles !== undefined ? `${plural(u.articles, 'article')}, n = characters` : u.ok ? 'n = characters' : ''))
  }

  const o = report.overall
  spanRows(o.exact, 'exact', base, reference)
  spanRows(o.overlap, 'overlap', base, reference)
  kappaRow(o.labelKappa, base)
  alphaRow(o.labelAlpha, 'nominal', base)
  unitizingRow(o.unitizingAlpha, base)
  for (const l of report.perLabel) {
    const at = { ...base, label: l.label }
    spanRows(l.exact, 'exact', at, reference)
    spanRows(l.overlap, 'overlap', at, reference)
    kappaRow(l.kappa, at, versus)
    alphaRow(l.alpha, 'nominal', at, versus)
    unitizingRow(l.unitizingAlpha, at)
  }
  for (const a of report.perAttribute) alphaRow(a.alpha, a.level, { ...base, label: a.label, attribute: a.key })
  if (report.pairwise.length > 1)
    for (const p of report.pairwise) {
      const at = { ...base, scope: 'pair' as const, annotators: `${nameOf(p.a)} & ${nameOf(p.b)}` }
      const ref = `reference: ${nameOf(p.a)}`
      spanRows(p.exact, 'exact', at, ref)
      spanRows(p.overlap, 'overlap', at, ref)
      kappaRow(p.kappa, at)
      unitizingRow(p.unitizingAlpha, at)
    }
  for (const art of report.perArticle) {
    const at = { ...base, scope: 'article' as const, article: String(art.id), article_title: art.title, annotators: art.annotators.map(nameOf).join(' & ') }
    const ref = art.annotators.length === 2 ? `reference: ${nameOf(art.annotators[0]!)}` : ''
    spanRows(art.exact, 'exact', at, ref)
    spanRows(art.overlap, 'overlap', at, ref)
    kappaRow(art.labelKappa, at)
    alphaRow(art.labelAlpha, 'nominal', at)
    unitizingRow(art.unitizingAlpha, at)
    for (const l of art.perLabel) {
      const lat = { ...at, label: l.label }
      spanRows(l.overlap, 'overlap', lat, ref)
      unitizingRow(l.unitizingAlpha, lat)
    }
    for (const a of art.perAttribute) alphaRow(a.alpha, a.level, { ...at, label: a.label, attribute: a.key })
  }
  return rows
}

function row(
  at: Omit<ReportRow, 'statistic' | 'value' | 'n' | 'note'>,
  statistic: string,
  result: Computed,
  n: number | '',
  detail: string
): ReportRow {
  return { ...at, statistic, value: result.ok ? result.value : '', n, note: result.ok ? detail : result.message }
}

function fmt(x: number): string {
  return String(Math.round(x * 10000) / 10000)
}
