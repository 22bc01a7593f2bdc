import { createHash } from 'node:crypto'
import { expect } from 'vitest'
import { canonicalize } from '../../../src/main/import/canonicalize'
import type { Store } from '../../../src/main/store/store'
import { countCodePoints } from '../../../src/shared/offsets'
import { cpSlice } from '../project'
import { CANARY } from './write-files'

/**
 * What every import must leave behind, however hostile its input: canonical article texts with matching hash and
 * length, fragments inside their text that slice (in code points) to their stored quote and context, and
 * adjudication decisions that name no tag of another article.
 */
export function expectConsistentProject(store: Store): void {
  const articles = store.db.prepare('SELECT id, text, hash, char_count FROM article').all() as { id: number; text: string; hash: string; char_count: number }[]
  const texts = new Map<number, string>()
  for (const a of articles) {
    expect(canonicalize(a.text).text, `article ${a.id} is canonical`).toBe(a.text)
    expect(a.hash, `article ${a.id} hash`).toBe(createHash('sha256').update(a.text).digest('hex'))
    expect(a.char_count, `article ${a.id} length`).toBe(countCodePoints(a.text))
    expect(a.text.includes(CANARY), `article ${a.id} was read from outside the import folder`).toBe(false)
    texts.set(a.id, a.text)
  }
  const fragments = store.db
    .prepare('SELECT f.annotation_id, f.start, f.end, f.quote, f.prefix, f.suffix, n.article_id FROM fragment f JOIN annotation n ON n.article_id = f.article_id AND n.id = f.annotation_id')
    .all() as { annotation_id: string; start: number; end: number; quote: string; prefix: string; suffix: string; article_id: number }[]
  for (const f of fragments) {
    const text = texts.get(f.article_id)!
    const where = `tag ${f.annotation_id} ${f.start}..${f.end}`
    expect(f.start >= 0 && f.end > f.start && f.end <= countCodePoints(text), `${where} lies inside its text`).toBe(true)
    expect(cpSlice(text, f.start, f.end), `${where} quote`).toBe(f.quote)
    expect(cpSlice(text, Math.max(0, f.start - f.prefix.length), f.start).endsWith(f.prefix), `${where} prefix`).toBe(true)
  }
  const astray = store.db
    .prepare(
      `SELECT d.id, n.id AS tag FROM adjudication d JOIN annotation n ON n.id IN (d.gold_id, d.chosen_id) OR n.id IN (SELECT json_extract(c.value, '$.annotationId') FROM json_each(d.candidates) c)
       WHERE n.article_id != d.article_id`
    )
    .all()
  expect(astray, 'decisions naming another article’s tag').toEqual([])
}
