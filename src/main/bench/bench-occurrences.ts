import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ActorService } from '../actors/actor-service'
import { AnnotationService } from '../annotations/annotation-service'
import { findOccurrences } from '../annotations/find-occurrences'
import { runImport } from '../import/run-import'
import { createProjectDb } from '../store/open-project-db'
import { Store } from '../store/store'
import { median, report } from './stats'
import { createRng, syntheticArticle, vocabulary, zipfSampler } from './synthetic-corpus'

const NAMES = ['Gulf Clan', 'Clan del Golfo', 'Urabeños', 'the gulf clan’s', 'GAITANIST SELF-DEFENSE FORCES OF COLOMBIA']
const USER = { id: '00000000-0000-4000-8000-000000000001', name: 'Bench' }

/** "Tag all occurrences" over a corpus where a fifth of the articles name the Gulf Clan, under any of its names. */
export function benchOccurrences(count: number, runs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-occ-'))
  const file = join(dir, 'occ.spanwise')
  const store = new Store(createProjectDb(file), file)
  try {
    const rng = createRng(42)
    const words = vocabulary(20_000, rng)
    const draw = zipfSampler(words.length, rng)
    const lines: string[] = []
    for (let i = 0; i < count; i++) {
      const a = syntheticArticle(words, draw, rng, 5000, i)
      let text = i === 0 ? `The Gulf Clan said so. ${a.text}` : a.text
      if (i > 0 && rng() < 0.2) {
        const cut = text.split(' ')
        for (let k = 1 + Math.floor(rng() * 3); k > 0; k--) cut.splice(Math.floor(rng() * cut.length), 0, NAMES[Math.floor(rng() * NAMES.length)]!)
        text = cut.join(' ')
      }
      lines.push(JSON.stringify({ title: a.title, text }))
    }
    runImport(store.db, [{ kind: 'bytes', name: 'occ.jsonl', bytes: Buffer.from(lines.join('\n')) }], { encoding: 'utf-8' })
    const gulf = new ActorService(store).suggest('Gulf Clan')[0]!.actor
    const tags = new AnnotationService(store)
    const tag = tags.create(USER, { articleId: 1, label: 'Actor', fragments: [{ start: 4, end: 13 }] }).upserted[0]!
    tags.update(USER, { id: tag.id, attributes: { entity: gulf.id } })
    const current = store.annotations.get(tag.id)!
    const times: number[] = []
    let found = 0
    let scanned = 0
    for (let r = 0; r < runs; r++) {
      const t = performance.now()
      const result = findOccurrences(store, current, 'corpus', true)
      found = result.occurrences.length
      scanned = result.articlesScanned
      times.push(performance.now() - t)
    }
    report(`B-occ tag all occurrences, ${count.toLocaleString()} articles (${found.toLocaleString()} found in ${scanned.toLocaleString()} candidates)`, median(times), null, '≤ 1 s')
    const t = performance.now()
    const accepted = tags.tagOccurrences(USER, tag.id, findOccurrences(store, current, 'corpus', true).occurrences.slice(0, 1000))
    report(`B-occ accept 1,000 occurrences (${accepted.articles} articles)`, performance.now() - t, null, 'one transaction')
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
