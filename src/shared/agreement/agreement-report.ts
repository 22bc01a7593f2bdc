import { attributeAgreement, tallyAttributes, type AttributeTally } from './attribute-agreement'
import { buildUnits, type AgreementUnit } from './build-units'
import { cohenKappa, type CohenKappaDetails } from './cohen-kappa'
import { corpusUnitizing, type CorpusUnitizing } from './corpus-unitizing'
import { fleissKappa, type FleissKappaDetails } from './fleiss-kappa'
import { krippendorffAlphaFromUnits, type KrippendorffAlphaDetails, type MeasurementLevel } from './krippendorff-alpha'
import { notComputable, type Computed, type NotComputable } from './not-computable'
import { matchPairs, prf, type Prf, type PrfCounts, type SpanPair } from './span-match'
import { combineUnitizing, unitizingDisagreement, type CombinedUnitizingDetails, type UnitizingDisagreement } from './unitizing-alpha'

/** The value a coder gets for a unit in which it marked nothing (it coded the article, so this is not missing). */
export const NO_SPAN = '(no span)'
/** In label-versus-rest statistics: any other label, or no span. */
export const OTHER_LABEL = '(other)'

export interface ReportTag {
  id: string
  annotatorId: string
  label: string
  /** Code point offsets, end exclusive. */
  start: number
  end: number
  attributes: Record<string, unknown>
}

export interface ReportArticle {
  id: number
  title: string
  /** Length of the text in code points. */
  length: number
  tags: ReportTag[]
  /** Annotators who marked the article done: they coded it even where they tagged nothing (all "no span"). */
  codedBy?: string[]
  /** Left out under blind coding: the user asking has not marked the article done, so colleagues' tags there are hidden from them. */
  blind?: boolean
}

export interface ReportAttribute {
  label: string
  key: string
  /** The codebook's name for it, for reports people read ("Fatalities, low"). */
  name?: string
  level: MeasurementLevel
  /** Category order for the ordinal level, lowest first. */
  order?: string[]
}

export interface AgreementReportInput {
  annotators: { id: string; name: string }[]
  articles: ReportArticle[]
  labels: string[]
  attributes: ReportAttribute[]
  /** Annotator ids to compare (default: all). */
  annotatorFilter?: string[]
  /** Labels to compare (default: all). */
  labelFilter?: string[]
}

/** Cohen's kappa for two annotators, Fleiss' kappa for more: `statistic` says which, computed or not. */
export type KappaStat = (Computed<CohenKappaDetails> | Computed<FleissKappaDetails>) & { statistic: 'cohen_kappa' | 'fleiss_kappa' }

/** Span agreement for a scope; precision and recall only exist for two annotators (the first is the reference). */
export type SpanAgreement = Prf

export interface OverallStats {
  /** Spans per annotator id, in included articles and selected labels. */
  spans: Record<string, number>
  /** Units of comparison (see STATISTIC_DOCS.units). */
  units: number
  exact: SpanAgreement
  overlap: SpanAgreement
  /** Cohen's kappa (two annotators) or Fleiss' kappa (more) on the label of each unit, "(no span)" included. */
  labelKappa: KappaStat
  /** Krippendorff's alpha (nominal) on the label of each unit, "(no span)" included. */
  labelAlpha: Computed<KrippendorffAlphaDetails>
  /** Combined unitizing alpha over the selected labels, articles concatenated. */
  unitizingAlpha: Computed<CombinedUnitizingDetails & { articles: number }>
}

export interface LabelStats {
  label: string
  spans: Record<string, number>
  exact: SpanAgreement
  overlap: SpanAgreement
  /** Kappa on "this label" versus "(other)" over all units. */
  kappa: KappaStat
  /** Alpha (nominal) on "this label" versus "(other)" over all units. */
  alpha: Computed<KrippendorffAlphaDetails>
  unitizingAlpha: Computed<UnitizingDisagreement & { articles: number }>
}

export interface AttributeStats {
  label: string
  key: string
  name?: string
  level: MeasurementLevel
  alpha: Computed<KrippendorffAlphaDetails>
  /** Units in which at least one annotator gave this label. */
  units: number
  /** Array values joined as a set (nominal) or left out (other levels). */
  multiValued: number
  /** Values left out: unusable for the level, or objects. */
  excludedValues: number
}

export interface PairStats {
  a: string
  b: string
  /** Included articles coded by both. */
  articles: number
  exact: SpanAgreement
  overlap: SpanAgreement
  kappa: KappaStat
  /** Combined unitizing alpha over the selected labels, as `overall.unitizingAlpha` but on the articles both coded. */
  unitizingAlpha: Computed<CombinedUnitizingDetails & { articles: number }>
}

export interface ArticleLabelStats {
  label: string
  overlap: SpanAgreement
  unitizingAlpha: Computed<UnitizingDisagreement>
}

export interface ArticleStats {
  id: number
  title: string
  /** Ids of the selected annotators who coded the article. */
  annotators: string[]
  units: number
  exact: SpanAgreement
  overlap: SpanAgreement
  labelKappa: KappaStat
  labelAlpha: Computed<KrippendorffAlphaDetails>
  unitizingAlpha: Computed<CombinedUnitizingDetails>
  perLabel: ArticleLabelStats[]
  /** Alpha on each attribute of a selected label, as `perAttribute` but on this article's units only. */
  perAttribute: AttributeStats[]
}

export interface ExcludedArticle {
  id: number
  title: string
  reason: 'fewer_than_two_annotators' | 'empty_text' | 'blind_coding'
  /** Selected annotators with at least one tag in the article. */
  annotators: number
  message: string
}

export interface AgreementReport {
  annotators: { id: string; name: string }[]
  labels: string[]
  articles: { total: number; included: number; excluded: ExcludedArticle[] }
  tags: { used: number; ignored: { reason: 'outside_text' | 'label_not_selected'; count: number; message: string }[] }
  overall: OverallStats
  perLabel: LabelStats[]
  perAttribute: AttributeStats[]
  /** Every annotator pair (one entry for two annotators). */
  pairwise: PairStats[]
  perArticle: ArticleStats[]
  /** Plain-English notes on what this particular selection left out. */
  notes: string[]
}

type Value = string | null

interface Prepared {
  article: ReportArticle
  /** Coder indices (into the selected annotators) with at least one tag in the article. */
  present: number[]
  /** Valid tags with a selected label, per selected annotator (empty for absent ones). */
  spans: ReportTag[][]
  /** Units of comparison among the present coders. */
  units: AgreementUnit<ReportTag>[]
  /** The values of each compared attribute in those units, in the order of the compared attributes. */
  attributes: AttributeTally[]
}


/**
 * Builds the full agreement report from plain data. Pure: no database, no I/O, JSON-serialisable output
 * in which every statistic is either a finite value or a reason it could not be computed.
 */
export function buildAgreementReport(input: AgreementReportInput): AgreementReport {
  const annotatorSet = input.annotatorFilter ? new Set(input.annotatorFilter) : null
  const annotators = input.annotators.filter((a) => !annotatorSet || annotatorSet.has(a.id))
  const labelSet = input.labelFilter ? new Set(input.labelFilter) : null
  const labels = input.labels.filter((l) => !labelSet || labelSet.has(l))
  const selectedLabels = new Set(labels)
  const attributes = input.attributes.filter((a) => selectedLabels.has(a.label))
  const coderIndex = new Map(annotators.map((a, i) => [a.id, i]))
  const k = annotators.length

  const excluded: ExcludedArticle[] = []
  const prepared: Prepared[] = []
  const perArticle: ArticleStats[] = []
  const pairs: PairTotals[] = []
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) pairs.push({ i, j, coded: [], exact: new Counts(), overlap: new Counts(), labels: [] })
  let used = 0
  let outsideText = 0
  let labelNotSelected = 0
  for (const article of input.articles) {
    const spans: ReportTag[][] = annotators.map(() => [])
    const coded = new Array<boolean>(k).fill(false)
    for (const id of article.codedBy ?? []) {
      const c = coderIndex.get(id)
      if (c !== undefined) coded[c] = true
    }
    for (const tag of article.tags) {
      const c = coderIndex.get(tag.annotatorId)
      if (c === undefined) continue
      // any tag shows the annotator worked on the article, even one whose label is not compared
      coded[c] = true
      if (!selectedLabels.has(tag.label)) labelNotSelected++
      else if (!validTag(tag, article.length)) outsideText++
      else spans[c]!.push(tag)
    }
    const present = coded.flatMap((isCoded, c) => (isCoded ? [c] : []))
    if (article.blind) {
      excluded.push({ id: article.id, title: article.title, reason: 'blind_coding', annotators: present.length, message: 'Blind coding hides your colleagues’ tags here until you mark the article done.' })
      continue
    }
    if (!(article.length > 0)) {
      excluded.push({ id: article.id, title: article.title, reason: 'empty_text', annotators: present.length, message: 'The article has no text.' })
      continue
    }
    if (present.length < 2) {
      excluded.push({
        id: article.id,
        title: article.title,
        reason: 'fewer_than_two_annotators',
        annotators: present.length,
        message:
          present.length === 0
            ? 'None of the selected annotators coded this article (tagged it or marked it done).'
            : `Only ${annotators[present[0]!]!.name} of the selected annotators coded this article (tagged it or marked it done).`
      })
      continue
    }
    for (const c of present) used += spans[c]!.length
    const units = buildUnits(present.map((c) => spans[c]!))
    const p: Prepared = { article, present, spans, units, attributes: tallyAttributes(attributes, units) }
    // each pair of coders is matched once; the counts go to the pair's totals and the article's, nothing is kept
    const exact = new Counts()
    const overlap = new Counts()
    for (let x = 0; x < present.length; x++)
      for (let y = x + 1; y < present.length; y++) {
        const i = present[x]!
        const j = present[y]!
        const a = spans[i]!
        const b = spans[j]!
        const pair = pairs[pairIndex(i, j, k)]!
        const exactPairs = matchPairs(a, b, 'exact', true)
        const overlapPairs = matchPairs(a, b, 'overlap', true)
        for (const totals of [exact, pair.exact]) totals.addMatch(exactPairs, a, b)
        for (const totals of [overlap, pair.overlap]) totals.addMatch(overlapPairs, a, b)
        pair.coded.push(p)
        // the pair's own units (its one-to-one overlap matching), as if only these two were selected; an article
        // with just these two coders already has them
        for (const unit of present.length === 2 ? p.units : buildUnits([a, b])) pair.labels.push(unitLabels(unit) as [string, string])
      }
    perArticle.push(articleStats(p, annotators, labels, attributes, exact, overlap))
    prepared.push(p)
  }

  const everyone = prepared.filter((p) => p.present.length === k)
  // a pair that coded no article beyond those everyone coded has the corpus-wide continuum: same pass, shared partitions
  const sharing = pairs.filter((pair) => pair.coded.length > 0 && pair.coded.length === everyone.length)
  const unitizing = corpusUnitizing(
    everyone,
    [annotators.map((_, c) => c), ...sharing.map((pair) => [pair.i, pair.j])],
    labels,
    notComputable('no_units', `Unitizing alpha needs articles coded by all ${k} selected annotators; there are none.`)
  )
  const corpus = unitizing[0]!
  const pairUnitizing = new Map(sharing.map((pair, s) => [pair, unitizing[s + 1]!.combined]))
  const pairwise = pairs.map((pair) => pairStats(pair, annotators, pairUnitizing.get(pair) ?? unitizingOfPair(pair, labels)))
  // pooled over pairs: every pair's matches in every article both coded, which is the sum of the pair totals
  const pooled = { exact: new Counts(), overlap: new Counts() }
  for (const pair of pairs) {
    pooled.exact.addAll(pair.exact)
    pooled.overlap.addAll(pair.overlap)
  }
  const spanAgreement = (criterion: 'exact' | 'overlap', label?: string): SpanAgreement =>
    k < 2 ? oneCoderPrf() : pooled[criterion].prf(k === 2, label)
  const rows = fullRows(prepared, k)
  const overall = overallStats(rows, prepared, annotators, corpus, spanAgreement)
  const perLabel = labels.map((label, i) => labelStats(label, rows, prepared, corpus.perLabel[i]!.result, annotators, spanAgreement))
  const perAttribute = attributes.map((a, i) => attributeAgreement(a, prepared.map((p) => p.attributes[i]!), 'in the included articles'))

  const report: AgreementReport = {
    annotators: annotators.map(({ id, name }) => ({ id, name })),
    labels,
    articles: { total: input.articles.length, included: prepared.length, excluded },
    tags: {
      used,
      ignored: [
        { reason: 'outside_text' as const, count: outsideText, message: 'Tags that were empty or reached outside the article text.' },
        { reason: 'label_not_selected' as const, count: labelNotSelected, message: 'Tags with a label that was not selected for comparison.' }
      ].filter((x) => x.count > 0)
    },
    overall,
    perLabel,
    perAttribute,
    pairwise,
    perArticle,
    notes: []
  }
  report.notes = notesFor(report, everyone.length, k)
  return report
}

function validTag(tag: ReportTag, length: number): boolean {
  return Number.isInteger(tag.start) && Number.isInteger(tag.end) && tag.start >= 0 && tag.end > tag.start && tag.end <= length
}

/** The label each present coder gave a unit ("(no span)" where it marked nothing), in order of `present`. */
function unitLabels(unit: AgreementUnit<ReportTag>): string[] {
  return unit.spans.map((s) => (s ? s.label : NO_SPAN))
}

/** Running totals for one annotator pair (coder indices i < j). */
interface PairTotals {
  i: number
  j: number
  /** Included articles coded by both. */
  coded: Prepared[]
  exact: Counts
  overlap: Counts
  /** The two labels ("(no span)" included) of each of the pair's own units. */
  labels: [string, string][]
}

/** Position of the pair (i, j), i < j, in the list of all pairs of k coders. */
function pairIndex(i: number, j: number, k: number): number {
  return i * k - (i * (i + 1)) / 2 + (j - i - 1)
}

function pairStats(pair: PairTotals, annotators: readonly { id: string }[], unitizing: CorpusUnitizing['combined']): PairStats {
  return {
    a: annotators[pair.i]!.id,
    b: annotators[pair.j]!.id,
    articles: pair.coded.length,
    exact: pair.coded.length === 0 ? noSharedSpans() : pair.exact.prf(true),
    overlap: pair.coded.length === 0 ? noSharedSpans() : pair.overlap.prf(true),
    kappa: { ...(pair.coded.length === 0 ? noSharedArticles() : cohenKappa(pair.labels)), statistic: 'cohen_kappa' },
    unitizingAlpha: unitizing
  }
}

/** The pair's combined unitizing alpha on the articles both coded, laid end to end. */
function unitizingOfPair(pair: PairTotals, labels: readonly string[]): CorpusUnitizing['combined'] {
  return corpusUnitizing(pair.coded, [[pair.i, pair.j]], labels, noSharedArticles())[0]!.combined
}

/** Matched / span counts summed over annotator pairs (and articles), overall and per label. */
class Counts {
  total: PrfCounts = { matched: 0, spansA: 0, spansB: 0 }
  perLabel = new Map<string, PrfCounts>()

  add(total: PrfCounts, perLabel: Iterable<[string, PrfCounts]>): void {
    this.total.matched += total.matched
    this.total.spansA += total.spansA
    this.total.spansB += total.spansB
    for (const [label, c] of perLabel) {
      const t = this.perLabel.get(label) ?? { matched: 0, spansA: 0, spansB: 0 }
      t.matched += c.matched
      t.spansA += c.spansA
      t.spansB += c.spansB
      this.perLabel.set(label, t)
    }
  }

  addMatch(pairs: readonly SpanPair<ReportTag>[], a: readonly ReportTag[], b: readonly ReportTag[]): void {
    this.total.matched += pairs.length
    this.total.spansA += a.length
    this.total.spansB += b.length
    for (const s of a) this.label(s.label).spansA++
    for (const s of b) this.label(s.label).spansB++
    // label-sensitive matching: both tags of a pair carry the same label
    for (const p of pairs) this.label(p.a.label).matched++
  }

  private label(label: string): PrfCounts {
    let c = this.perLabel.get(label)
    if (!c) this.perLabel.set(label, (c = { matched: 0, spansA: 0, spansB: 0 }))
    return c
  }

  addAll(other: Counts): void {
    this.add(other.total, other.perLabel)
  }

  /** With one pair, A is the reference; pooled over several pairs only F1 is meaningful. */
  prf(onePair: boolean, label?: string): SpanAgreement {
    const c = label === undefined ? this.total : (this.perLabel.get(label) ?? { matched: 0, spansA: 0, spansB: 0 })
    const r = prf(c.matched, c.spansA, c.spansB)
    if (onePair) return r
    const pooled =
      'With more than two annotators there is no single reference annotator; only F1, pooled over all annotator pairs, is reported.'
    return { precision: notComputable('not_applicable', pooled), recall: notComputable('not_applicable', pooled), f1: r.f1 }
  }
}

function noSharedArticles(): NotComputable {
  return notComputable('no_units', 'These two annotators did not both code any of the included articles.')
}

// spans are compared only in articles both coded: with none, every span measure says why
function noSharedSpans(): SpanAgreement {
  const none = noSharedArticles()
  return { precision: none, recall: none, f1: none }
}

function kappaFor(units: readonly (readonly Value[])[], coders: number): KappaStat {
  if (coders < 2) return { ...notComputable('one_coder'), statistic: 'cohen_kappa' }
  // rows of two values are the (A, B) pairs Cohen's kappa takes
  if (coders === 2) return { ...cohenKappa(units as readonly (readonly [Value, Value])[]), statistic: 'cohen_kappa' }
  const complete = units.filter((u) => u.every((v) => v !== null)) as string[][]
  if (units.length > 0 && complete.length === 0)
    return {
      ...notComputable('no_units', `Fleiss' kappa needs units from articles coded by all ${coders} selected annotators; there are none.`),
      statistic: 'fleiss_kappa'
    }
  return { ...fleissKappa(complete), statistic: 'fleiss_kappa' }
}

function alphaFor(units: readonly (readonly Value[])[], coders: number): Computed<KrippendorffAlphaDetails> {
  if (coders < 2) return notComputable('one_coder')
  return krippendorffAlphaFromUnits(units, { level: 'nominal' })
}

/** Each unit as a row over all selected annotators: the label, "(no span)", or null for annotators absent from the article. */
function fullRows(prepared: readonly Prepared[], k: number): Value[][] {
  const rows: Value[][] = []
  for (const p of prepared)
    for (const unit of p.units) {
      const row = new Array<Value>(k).fill(null)
      unitLabels(unit).forEach((label, i) => (row[p.present[i]!] = label))
      rows.push(row)
    }
  return rows
}

function overallStats(
  rows: readonly (readonly Value[])[],
  prepared: readonly Prepared[],
  annotators: readonly { id: string }[],
  corpus: CorpusUnitizing,
  spanAgreement: (criterion: 'exact' | 'overlap', label?: string) => SpanAgreement
): OverallStats {
  const k = annotators.length
  return {
    spans: spanCounts(prepared, annotators),
    units: rows.length,
    exact: spanAgreement('exact'),
    overlap: spanAgreement('overlap'),
    labelKappa: kappaFor(rows, k),
    labelAlpha: alphaFor(rows, k),
    unitizingAlpha: corpus.combined
  }
}

function oneCoderPrf(): SpanAgreement {
  const n = notComputable('one_coder')
  return { precision: n, recall: n, f1: n }
}

function spanCounts(prepared: readonly Prepared[], annotators: readonly { id: string }[], label?: string): Record<string, number> {
  const out: Record<string, number> = {}
  annotators.forEach((a, c) => {
    let n = 0
    for (const p of prepared) for (const s of p.spans[c]!) if (label === undefined || s.label === label) n++
    out[a.id] = n
  })
  return out
}

function labelStats(
  label: string,
  labelRows: readonly (readonly Value[])[],
  prepared: readonly Prepared[],
  unitizing: Computed<UnitizingDisagreement & { articles: number }>,
  annotators: readonly { id: string }[],
  spanAgreement: (criterion: 'exact' | 'overlap', label?: string) => SpanAgreement
): LabelStats {
  const k = annotators.length
  const rows = labelRows.map((row) => row.map((v) => (v === null ? null : v === label ? label : OTHER_LABEL)))
  const usedAnywhere = rows.some((row) => row.includes(label))
  const unused = notComputable('no_units', `No annotator used the label "${label}" in the included articles.`)
  return {
    label,
    spans: spanCounts(prepared, annotators, label),
    exact: spanAgreement('exact', label),
    overlap: spanAgreement('overlap', label),
    kappa: usedAnywhere ? kappaFor(rows, k) : { ...unused, statistic: k > 2 ? 'fleiss_kappa' : 'cohen_kappa' },
    alpha: usedAnywhere ? alphaFor(rows, k) : unused,
    unitizingAlpha: unitizing
  }
}

function articleStats(
  p: Prepared,
  annotators: readonly { id: string }[],
  labels: readonly string[],
  attributes: readonly ReportAttribute[],
  exact: Counts,
  overlap: Counts
): ArticleStats {
  const m = p.present.length
  const rows = p.units.map(unitLabels)
  const perLabel = labels.map((label) => ({
    label,
    overlap: overlap.prf(m === 2, label),
    unitizingAlpha: unitizingDisagreement(
      p.article.length,
      p.present.map((c) => p.spans[c]!.filter((s) => s.label === label))
    )
  }))
  return {
    id: p.article.id,
    title: p.article.title,
    annotators: p.present.map((c) => annotators[c]!.id),
    units: p.units.length,
    exact: exact.prf(m === 2),
    overlap: overlap.prf(m === 2),
    labelKappa: kappaFor(rows, m),
    labelAlpha: alphaFor(rows, m),
    unitizingAlpha: combineUnitizing(
      perLabel.map((l) => ({ label: l.label, result: l.unitizingAlpha })),
      p.article.length,
      m
    ),
    perLabel,
    perAttribute: attributes.map((a, i) => attributeAgreement(a, [p.attributes[i]!], 'in this article'))
  }
}

function notesFor(report: AgreementReport, everyone: number, k: number): string[] {
  const notes: string[] = []
  const { total, included, excluded } = report.articles
  if (k < 2) notes.push('Fewer than two annotators are selected, so no agreement can be computed.')
  const few = excluded.filter((e) => e.reason === 'fewer_than_two_annotators').length
  const empty = excluded.filter((e) => e.reason === 'empty_text').length
  if (few > 0) notes.push(`${few} of ${total} articles were left out because fewer than two of the selected annotators coded them (tagged them or marked them done).`)
  if (empty > 0) notes.push(`${empty} of ${total} articles were left out because they have no text.`)
  const blind = excluded.filter((e) => e.reason === 'blind_coding').length
  if (blind > 0) notes.push(`${blind} of ${total} articles were left out because blind coding hides colleagues’ tags until you mark an article done.`)
  if (k > 2 && everyone < included)
    notes.push(
      `${included - everyone} of ${included} included articles were not coded by all ${k} annotators: they count in the pairwise figures, the pooled F1 and Krippendorff's alpha, but not in Fleiss' kappa or the corpus-wide unitizing alpha.`
    )
  for (const ignored of report.tags.ignored) notes.push(`${ignored.count} tags were ignored: ${ignored.message.charAt(0).toLowerCase()}${ignored.message.slice(1)}`)
  let merged = 0
  for (const l of report.perLabel) if (l.unitizingAlpha.ok) merged += l.unitizingAlpha.mergedOverlaps
  if (merged > 0) notes.push(`${merged} overlapping tags of the same label by the same annotator were merged for unitizing alpha.`)
  for (const a of report.perAttribute) {
    if (a.multiValued > 0)
      notes.push(
        a.level === 'nominal'
          ? `${a.label} / ${a.key}: ${a.multiValued} multiple-choice values were compared as whole sets.`
          : `${a.label} / ${a.key}: ${a.multiValued} multiple-choice values were left out (only nominal attributes compare sets).`
      )
    const unusable = a.excludedValues - (a.level === 'nominal' ? 0 : a.multiValued)
    if (unusable > 0) notes.push(`${a.label} / ${a.key}: ${unusable} values did not fit the ${a.level} level and were left out.`)
  }
  return notes
}
