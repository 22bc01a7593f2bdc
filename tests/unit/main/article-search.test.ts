import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../src/shared/domain'
import { runImport } from '../../../src/main/import/run-import'
import { RANK_LIMIT } from '../../../src/main/store/article-repository'
import type { Store } from '../../../src/main/store/store'
import { cleanupTemp, createTempProject } from '../../helpers/project'

let store: Store
beforeEach(() => {
  store = createTempProject().store
  const jsonl = [
    { title: 'Talks in Bogotá', text: 'Delegates met in Bogotá on Monday to discuss a ceasefire.' },
    { title: 'Market bombing', text: 'A bomb exploded at the Rinsa market; the Front denied any role.' },
    { title: 'Prisoners freed', text: 'The Northern Liberation Front freed twelve prisoners.' }
  ]
    .map((r) => JSON.stringify(r))
    .join('\n')
  runImport(store.db, [{ kind: 'bytes', name: 'news.jsonl', bytes: Buffer.from(jsonl) }], { encoding: 'utf-8' })
})
afterEach(cleanupTemp)

const titles = (query: string) => store.articles.search(query, 10).hits.map((h) => h.title)

describe('articles.search over imported text', () => {
  it('finds imported words, with the match marked in the snippet', () => {
    const { hits } = store.articles.search('ceasefire', 10)
    expect(hits.map((h) => h.title)).toEqual(['Talks in Bogotá'])
    expect(hits[0]!.snippet).toContain(`${SNIPPET_OPEN}ceasefire${SNIPPET_CLOSE}`)
  })

  it('ignores accents: "Bogota" finds "Bogotá"', () => {
    expect(titles('Bogota')).toEqual(['Talks in Bogotá'])
    expect(titles('bogotá')).toEqual(['Talks in Bogotá'])
  })

  it('ANDs words, matches a "quoted phrase" and the last word as a prefix', () => {
    expect(titles('Front prisoners')).toEqual(['Prisoners freed'])
    expect(titles('"Liberation Front"')).toEqual(['Prisoners freed'])
    expect(titles('pris')).toEqual(['Prisoners freed'])
    expect(titles('Front').sort()).toEqual(['Market bombing', 'Prisoners freed'])
  })

  it('matches a prefix from its third character only: "fr" is a word, "fre" a prefix', () => {
    expect(titles('fr')).toEqual([])
    expect(titles('fre')).toEqual(['Prisoners freed'])
  })

  it('counts only the letters and digits of the last word the index sees toward a prefix: "<b>", "fr." and "Front-fr" end in whole words', () => {
    expect(titles('<b>')).toEqual([])
    expect(titles('fr.')).toEqual([])
    expect(titles('the fr.')).toEqual([])
    expect(titles('Front-fr')).toEqual([])
    expect(titles('Front-fre')).toEqual(['Prisoners freed'])
  })

  it('ranks up to RANK_LIMIT matches; beyond that it lists matches newest first and says so, paging by id', () => {
    const many = Array.from({ length: RANK_LIMIT + 5 }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: `Routine bulletin number ${i} about the ceasefire.` })).join('\n')
    runImport(store.db, [{ kind: 'bytes', name: 'many.jsonl', bytes: Buffer.from(many) }], { encoding: 'utf-8' })
    const narrow = store.articles.search('Bogota', 10)
    expect(narrow).toMatchObject({ total: 1, ranked: true })
    const first = store.articles.search('ceasefire', 50)
    expect(first.ranked).toBe(false)
    expect(first.total).toBe(RANK_LIMIT + 1)
    const ids = first.hits.map((h) => h.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(first.hits[0]!.title).toBe(`Report ${RANK_LIMIT + 4}`)
    expect(first.hits[0]!.snippet).toContain(`${SNIPPET_OPEN}ceasefire${SNIPPET_CLOSE}`)
    const second = store.articles.search('ceasefire', 50, first.next!)
    expect(second.hits[0]!.id).toBe(ids[ids.length - 1]! - 1)
  })

  it('finds nothing for absent words and treats FTS syntax as literal text', () => {
    expect(titles('referendum')).toEqual([])
    expect(titles('NEAR( OR * -')).toEqual([])
    expect(titles('"')).toEqual([])
  })
})
