import type { AgreementReportInput, ReportArticle, ReportAttribute } from '../../shared/agreement/agreement-report'
import type { AttributeDef } from '../../shared/codebook/codebook-schema'
import { AppError } from '../../shared/errors'
import { GOLD_LAYER } from '../store/migrations/0008-review'
import type { Store } from '../store/store'
import { quoted } from '../../shared/text/quoted'

export interface AgreementSelection {
  /** Annotator ids or names; default every coder with tags (the gold layer only when named). */
  annotators?: string[]
  labels?: string[]
  articleIds?: number[]
  /** Under blind coding, the user asking: articles they have not marked done are left out, as their colleagues' tags are hidden there. */
  blindFor?: string | null
}

/**
 * Reads what the agreement report compares, in one pass over the tags: the selected coders' tags (a tag
 * with several fragments counts as the stretch from its first start to its last end) in every article two
 * or more of them coded (tagged or marked done), every article only one coded (without its tags, to be listed
 * as left out), and each codebook attribute with its level of measurement.
 */
export function agreementInput(store: Store, selection: AgreementSelection = {}): AgreementReportInput {
  const everyone = store.db.prepare('SELECT id, name FROM annotator ORDER BY name, id').all() as { id: string; name: string }[]
  // by default, every coder who tagged something: a name with no tags would only make "coded by all" impossible
  const tagged = new Set(store.db.prepare('SELECT DISTINCT annotator_id FROM annotation').pluck().all() as string[])
  const annotators = selection.annotators?.length ? selection.annotators.map((a) => resolve(everyone, a)) : everyone.filter((a) => a.id !== GOLD_LAYER && tagged.has(a.id))
  const ids = annotators.map((a) => a.id)
  const codebook = store.codebooks.get()
  const marks = ids.map(() => '?').join(',')
  const inArticles = (column: string) => (selection.articleIds?.length ? `AND ${column} IN (${selection.articleIds.map(() => '?').join(',')})` : '')
  const chosen = selection.articleIds ?? []
  // a coder coded an article by tagging it or by marking it done with nothing to tag
  // grouped on the (article, coder) index, so each coder's tags in an article are one row, not one per tag
  const coded = `
    SELECT article_id, annotator_id FROM annotation INDEXED BY annotation_by_layer WHERE annotator_id IN (${marks}) ${inArticles('article_id')} GROUP BY article_id, annotator_id
    UNION SELECT article_id, annotator_id FROM coder_progress WHERE annotator_id IN (${marks}) ${inArticles('article_id')}`
  const coders = store.db
    .prepare<unknown[], [number, string]>(`SELECT article_id, group_concat(annotator_id, char(31)) FROM (${coded}) GROUP BY article_id ORDER BY article_id`)
    .raw()
    .all(...ids, ...chosen, ...ids, ...chosen)
  const shared = coders.filter(([, who]) => who.includes('\u001f')).map(([articleId]) => articleId)
  // rows as arrays and no title per tag: a corpus-wide report reads every tag, and each object or string costs
  const rows = store.db
    .prepare<unknown[], [number, string, string, string, string, number, number]>(`
      SELECT n.article_id, n.id, n.annotator_id, n.label, n.attributes, n.start, n.end
      FROM annotation n WHERE n.article_id IN (SELECT value FROM json_each(?)) AND n.annotator_id IN (${marks})
      ORDER BY n.article_id`)
    .raw()
    .all(JSON.stringify(shared), ...ids)
  const articleOf = store.db.prepare<[number], { title: string; char_count: number }>('SELECT title, char_count FROM article WHERE id = ?')
  const articles = new Map<number, ReportArticle>()
  // every article one coder or more coded: those only one coded are listed as left out, without their tags
  const done = selection.blindFor != null ? new Set(store.db.prepare('SELECT article_id FROM coder_progress WHERE annotator_id = ?').pluck().all(selection.blindFor) as number[]) : null
  for (const [articleId, who] of coders) {
    const a = articleOf.get(articleId)!
    articles.set(articleId, { id: articleId, title: a.title, length: a.char_count, tags: [], codedBy: who.split('\u001f'), ...(done && !done.has(articleId) ? { blind: true } : {}) })
  }
  const defs = new Map(codebook.labels.map((l) => [l.name, new Map(l.attributes.map((d) => [d.key, d]))]))
  let article: ReportArticle | undefined
  for (const [articleId, id, annotatorId, label, json, start, end] of rows) {
    if (article?.id !== articleId) article = articles.get(articleId)!
    if (article.blind) continue
    const attributes = json === '{}' ? {} : (JSON.parse(json) as Record<string, unknown>)
    // dates compare as day numbers, so interval alpha sees how far apart two codings are
    for (const key in attributes) if (defs.get(label)?.get(key)?.type === 'date' && typeof attributes[key] === 'string') attributes[key] = dayNumber(attributes[key])
    article.tags.push({ id, annotatorId, label, start, end, attributes })
  }
  const attributes: ReportAttribute[] = codebook.labels.flatMap((l) =>
    l.attributes.flatMap((d) => {
      const level = levelOf(d)
      return level ? [{ label: l.name, key: d.key, name: d.name, level }] : []
    })
  )
  return {
    annotators,
    articles: [...articles.values()],
    labels: codebook.labels.map((l) => l.name),
    attributes,
    labelFilter: selection.labels?.length ? selection.labels : undefined
  }
}

/** Text and tag references have no level to compare on; numbers are counts (ratio), dates intervals. */
function levelOf(d: AttributeDef): ReportAttribute['level'] | null {
  switch (d.type) {
    case 'number':
      return 'ratio'
    case 'date':
      return 'interval'
    case 'single':
    case 'multi':
    case 'boolean':
    case 'actor':
      return 'nominal'
    default:
      return null
  }
}

function dayNumber(date: string): number | string {
  const ms = Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date)
  return Number.isNaN(ms) ? date : Math.round(ms / 86_400_000)
}

function resolve(everyone: { id: string; name: string }[], wanted: string): { id: string; name: string } {
  const found = everyone.filter((a) => a.id === wanted || a.name.toLowerCase() === wanted.toLowerCase())
  if (found.length === 1) return found[0]!
  if (found.length === 0) throw new AppError('NOT_FOUND', `No coder is called ${quoted(wanted)} in this project; coders: ${everyone.map((a) => a.name).join(', ')}.`)
  throw new AppError('VALIDATION', `${found.length} coders are called ${quoted(wanted)}; name them by id instead: ${found.map((a) => a.id).join(', ')}.`)
}
