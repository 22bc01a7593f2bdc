import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildAgreementReport } from '../../shared/agreement/agreement-report'
import { AnnotationService } from '../annotations/annotation-service'
import { runImport } from '../import/run-import'
import { agreementInput } from '../review/agreement-input'
import { ReviewService } from '../review/review-service'
import { createProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'
import { TagBulkWriter } from '../store/tag-bulk-writer'
import { median, report } from './stats'
import { createRng, syntheticArticle, vocabulary, zipfSampler } from './synthetic-corpus'

const CODERS = [1, 2, 3].map((n) => ({ id: `00000000-0000-4000-8000-00000000000${n}`, name: `Coder ${n}` }))
const LABELS = ['Actor', 'Event', 'Claim']
const EVENT_TYPES = ['battles', 'protests', 'riots', 'strategic_developments']

/** Agreement over `articles` × 3 coders × `perCoder` tags, and the review of one 50 KB article with 2 × `reviewTags` tags. */
export function benchReview(articles: number, perCoder: number, reviewTags: number, runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-review-'))
  const file = join(dir, 'review.spanwise')
  const store = new Store(createProjectDb(file), file)
  try {
    const rng = createRng(11)
    const words = vocabulary(20_000, rng)
    const draw = zipfSampler(words.length, rng)
    const lines = Array.from({ length: articles }, (_, i) => JSON.stringify(syntheticArticle(words, draw, rng, 5000, i)))
    lines.push(JSON.stringify({ title: 'Review', text: syntheticArticle(words, draw, rng, 50_000, articles).text }))
    runImport(store.db, [{ kind: 'bytes', name: 'r.jsonl', bytes: Buffer.from(lines.join('\n')) }], { encoding: 'utf-8' })
    for (const c of CODERS) store.ensureAnnotator(c)
    const texts = store.db.prepare('SELECT id, char_count FROM article ORDER BY id').all() as { id: number; char_count: number }[]
    const now = new Date().toISOString()
    const writer = new TagBulkWriter(store.db)
    // coders agree on most spans, shift some boundaries, relabel a few and miss others: realistic disagreement
    const tag = (articleId: number, coder: number, k: number, length: number, per: number) => {
      const step = Math.floor((length - 40) / per)
      const jitter = rng() < 0.2 ? Math.floor(rng() * 4) : 0
      if (rng() < 0.1) return
      const start = k * step + jitter
      const label = rng() < 0.1 ? LABELS[(k + coder) % 3]! : LABELS[k % 3]!
      writer.write({
        id: crypto.randomUUID(), articleId, annotatorId: CODERS[coder]!.id, label,
        fragments: [{ start, end: start + 5 + (k % 12), quote: '', prefix: '', suffix: '' }],
        attributes: label === 'Event' ? { event_type: EVENT_TYPES[rng() < 0.8 ? k % 4 : (k + 1) % 4]!, fatalities_low: k % 9 } : {},
        note: '', status: 'draft', codebookVersion: 1, missing: [], mentions: [], createdAt: now, updatedAt: now
      })
    }
    store.db.transaction(() => {
      writer.begin()
      for (const a of texts.slice(0, articles)) for (let c = 0; c < 3; c++) for (let k = 0; k < perCoder; k++) tag(a.id, c, k, a.char_count, perCoder)
      const review = texts[articles]!
      for (let c = 0; c < 2; c++) for (let k = 0; k < reviewTags; k++) tag(review.id, c, k, review.char_count, reviewTags)
      writer.finish()
    })()
    const reviewId = texts[articles]!.id
    const reviewOnly = { articleIds: texts.slice(0, articles).map((a) => a.id) }

    const reads: number[] = []
    const totals: number[] = []
    for (let r = 0; r < runs; r++) {
      let t = performance.now()
      const input = agreementInput(store, reviewOnly)
      reads.push(performance.now() - t)
      t = performance.now()
      const result = buildAgreementReport(input)
      totals.push(reads[r]! + performance.now() - t)
      if (result.articles.included !== articles) throw new Error(`agreement compared ${result.articles.included} of ${articles} articles`)
    }
    report(`B15 agreement ${articles.toLocaleString()} articles × 3 coders × ${perCoder} tags`, median(totals), median(reads), '≤ 2 s')

    const service = new ReviewService(store, new AnnotationService(store))
    const opens: number[] = []
    const lists: number[] = []
    for (let r = 0; r < runs; r++) {
      let t = performance.now()
      store.annotations.listByArticle(reviewId)
      lists.push(performance.now() - t)
      t = performance.now()
      const review = service.article(CODERS[2]!, reviewId)
      opens.push(performance.now() - t)
      if (review.compared.length !== 2) throw new Error('the review article should have two layers')
    }
    report(`B16 review data for 2 × ${reviewTags} tags (units + decisions)`, median(opens), median(lists), 'within the article view’s ≤ 100 ms')
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
