/**
 * Child process for the crash test: opens a project through the real open path and performs a stream of
 * random user actions through the real services until it is killed. Before each action commits it prints
 * the state the commit will produce ("pending"), after the commit "ack"; the parent kills it at random.
 * Usage: node crash-driver.cjs <project> <seed>
 */
import { writeSync } from 'node:fs'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { discardAbandonedImports, runImport } from '../../../src/main/import/run-import'
import { openProjectDb } from '../../../src/main/store/open-project-db'
import { Store } from '../../../src/main/store/store'
import { stateDigest } from './state-digest'

const USER = { id: '33333333-3333-4333-8333-333333333333', name: 'Crash tester' }
const WORDS = ['ceasefire', 'talks', 'Caracas', 'ELN', 'government', 'delegation', 'Huila', 'attack', 'police', 'president', 'peace', 'sabotage']

// synchronous writes: the parent must see "pending" before the commit can happen
const say = (line: string) => writeSync(1, `${line}\n`)

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function main(): Promise<void> {
  const [file, seedText] = process.argv.slice(2)
  const random = mulberry32(Number(seedText))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const db = await openProjectDb(file!)
  discardAbandonedImports(db)
  const store = new Store(db, file!)
  const service = new AnnotationService(store)
  let n = 0

  const sentence = () => Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ') + '.'
  const importArticles = () => {
    say(`import ${++n}`)
    const inputs = Array.from({ length: 3 }, (_, i) => ({ kind: 'bytes' as const, name: `a${n}-${i}.txt`, bytes: Buffer.from(`${n}-${i}-${random()} ${sentence()} ${sentence()}`) }))
    runImport(db, inputs, { encoding: 'utf-8' })
    say(`ack ${n} ${stateDigest(db)}`)
  }
  /** One user action = one commit; the pending digest is taken inside the transaction, just before COMMIT. */
  const act = (name: string, action: () => void) => {
    const id = ++n
    try {
      db.transaction(() => {
        action()
        say(`pending ${id} ${stateDigest(db)}`)
      })()
    } catch (error) {
      // a refused action (e.g. a link the codebook forbids) commits nothing; the state stays as acknowledged
      say(`refused ${id} ${name} ${(error as Error).message.slice(0, 80)}`)
      return
    }
    say(`ack ${id} ${stateDigest(db)}`)
  }

  // recording the annotator is a write too: acknowledged like any action, so a kill right after it is checked
  act('annotator', () => store.ensureAnnotator(USER))
  if (store.articles.count() < 3) importArticles()
  say('ready')
  for (;;) {
    const articles = db.prepare('SELECT id, text FROM article').all() as { id: number; text: string }[]
    const article = pick(articles)
    const tags = store.annotations.listByArticle(article.id)
    const events = tags.filter((t) => t.label === 'Event')
    const actors = tags.filter((t) => t.label === 'Actor')
    const roll = random()
    if (roll < 0.3 || !tags.length) {
      const start = Math.floor(random() * (article.text.length - 10))
      act('tag', () => service.create(USER, { articleId: article.id, label: pick(['Actor', 'Event', 'Claim']), fragments: [{ start, end: start + 1 + Math.floor(random() * 9) }] }))
    } else if (roll < 0.42 && events.length) {
      const event = pick(events)
      act('attributes', () => service.update(USER, { id: event.id, attributes: { fatalities_reported: Math.floor(random() * 50), date_start: `2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` } }))
    } else if (roll < 0.52 && events.length && actors.length) {
      act('link', () => service.link(USER, { from: pick(events).id, type: 'perpetrator', to: pick(actors).id }))
    } else if (roll < 0.6) {
      act('note', () => service.update(USER, { id: pick(tags).id, note: sentence() }))
    } else if (roll < 0.68) {
      act('delete', () => service.delete(USER, pick(tags).id))
    } else if (roll < 0.82) {
      act('undo', () => service.undo(USER, article.id))
    } else if (roll < 0.92) {
      act('redo', () => service.redo(USER, article.id))
    } else if (roll < 0.95) {
      importArticles()
    } else {
      act('relabel', () => service.update(USER, { id: pick(tags).id, label: pick(['Actor', 'Event', 'Claim']) }))
    }
  }
}

main().catch((error: unknown) => {
  say(`error ${(error as Error).stack ?? String(error)}`)
  process.exit(1)
})
