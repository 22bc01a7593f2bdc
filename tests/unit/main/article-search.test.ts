import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../../src/shared/domain'
import { runImport } from '../../../src/main/import/run-import'
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

  it('finds nothing for absent words and treats FTS syntax as literal text', () => {
    expect(titles('referendum')).toEqual([])
    expect(titles('NEAR( OR * -')).toEqual([])
    expect(titles('"')).toEqual([])
  })
})
