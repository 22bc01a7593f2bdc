import { afterEach, describe, expect, it } from 'vitest'
import { runImport } from '../../../src/main/import/run-import'
import { cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)

describe('corpus list keyset paging', () => {
  it('pages through every sort and direction, with many equal values, visiting each article once in order', () => {
    const { store } = createTempProject()
    const sources = ['El Tiempo', 'Semana', 'el tiempo', '']
    const jsonl = Array.from({ length: 157 }, (_, i) =>
      JSON.stringify({ title: `Report ${i % 13}`, text: `Article number ${i}.`, source: sources[i % 4], published: i % 5 ? `2025-0${1 + (i % 9)}-01` : '' })
    ).join('\n')
    runImport(store.db, [{ kind: 'bytes', name: 'a.jsonl', bytes: Buffer.from(jsonl) }], { encoding: 'utf-8' })
    store.db.prepare('UPDATE article SET tag_count = id % 3 WHERE id % 2 = 0').run()
    const column = { title: 'title', source: 'source', published: 'published', tags: 'tag_count', imported: 'id', status: 'status' } as const
    for (const sort of ['title', 'source', 'published', 'tags', 'imported', 'status'] as const) {
      for (const dir of ['asc', 'desc'] as const) {
        const expected = store.db.prepare(`SELECT id FROM article ORDER BY ${column[sort]} ${dir}, id ${dir}`).pluck().all()
        const seen: number[] = []
        let after
        for (let guard = 0; guard < 100; guard++) {
          const page = store.articles.list({ sort, dir, limit: 7, filter: {}, after })
          seen.push(...page.rows.map((r) => r.id))
          if (!page.next) break
          after = page.next
        }
        expect(seen, `${sort} ${dir}`).toEqual(expected)
      }
    }
  })
})
