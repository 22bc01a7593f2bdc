import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { unsafeEntryName } from '../../../src/main/import/annotated/zip/unsafe-entry-name'
import { ZIP_LIMITS } from '../../../src/main/import/annotated/zip/zip-limits'
import { dumpTables, exportPack, importPack, projectWithArticles, rewritePack } from '../../helpers/pack-fixtures'
import { ANA, BEN, cleanupTemp, tempDir } from '../../helpers/project'

afterEach(cleanupTemp)

/** Ana's project (where every bad file is imported) and a good pack of Ben's to damage. */
function setup() {
  const ben = projectWithArticles()
  ben.tag(BEN, ben.huila, 'Actor', 'Gunmen')
  const ana = projectWithArticles()
  ana.tag(ANA, ana.huila, 'Event', 'attacked')
  return { ana, pack: exportPack(ben.store, BEN).file }
}

const write = (name: string, data: Uint8Array | string) => {
  const path = join(tempDir(), name)
  writeFileSync(path, data)
  return path
}

describe('annotation pack import refuses bad files with a clear message and changes nothing', () => {
  const cases: [string, (pack: string) => string, RegExp][] = [
    ['a truncated copy', (pack) => write('cut.spanpack', readFileSync(pack).subarray(0, Math.floor(readFileSync(pack).length * 0.6))), /cut.spanpack is damaged or incomplete: its zip archive cannot be read .* cut short while copying/],
    ['a file that is not a zip', () => write('notes.spanpack', 'Dear Ana, here are my tags.'), /notes.spanpack is not an annotation pack: a .spanpack file is a zip archive and this file is not one/],
    ['a JSONL file', () => write('articles.jsonl', '{"type":"spanwise-native"}\n'), /it looks like JSON; import a Spanwise JSONL export/],
    ['an empty file', () => write('empty.spanpack', ''), /empty.spanpack is empty/],
    ['a zip without pack.json', () => write('other.spanpack', zipSync({ 'readme.txt': strToU8('hello') })), /other.spanpack is a zip archive but not an annotation pack: it has no pack.json/],
    ['a manifest that is not JSON', (pack) => rewritePack(pack, (e) => ({ ...e, 'pack.json': '{"type": "spanwise-annotation-pack",' })), /pack.json is not valid JSON/],
    [
      'a manifest missing fields',
      (pack) => rewritePack(pack, (e) => ({ ...e, 'pack.json': JSON.stringify({ ...JSON.parse(e['pack.json']!), annotator: undefined, createdAt: 'yesterday' }) })),
      /pack.json is not a valid annotation pack manifest \(.*createdAt.*annotator/
    ],
    [
      'a pack claiming the gold layer',
      (pack) => rewritePack(pack, (e) => ({ ...e, 'pack.json': JSON.stringify({ ...JSON.parse(e['pack.json']!), annotator: { id: 'gold', name: 'Gold standard' } }) })),
      /names the gold-standard layer as its coder; gold tags come from adjudication/
    ],
    ['a newer pack version', (pack) => rewritePack(pack, (e) => ({ ...e, 'pack.json': JSON.stringify({ ...JSON.parse(e['pack.json']!), version: 2 }) })), /made by a newer Spanwise/],
    ['an edited articles.jsonl', (pack) => rewritePack(pack, (e) => ({ ...e, 'articles.jsonl': e['articles.jsonl']!.replace('Gunmen', 'Gunman') })), /changed.spanpack is damaged: articles.jsonl does not match the pack's manifest \(its SHA-256 differs\)/],
    ['a shortened articles.jsonl', (pack) => rewritePack(pack, (e) => ({ ...e, 'articles.jsonl': e['articles.jsonl']!.split('\n')[0]! })), /articles.jsonl does not match the pack's manifest \(\d+ bytes, the manifest says \d+\)/],
    ['a missing articles.jsonl', (pack) => rewritePack(pack, ({ 'articles.jsonl': _gone, ...e }) => e), /is incomplete: it has no articles.jsonl/],
    ['an entry that climbs out of the folder', (pack) => rewritePack(pack, (e) => ({ ...e, '../../evil.sh': 'rm -rf ~' })), /holds an entry named "..\/..\/evil.sh", which points outside the archive/],
    ['an absolute entry name', (pack) => rewritePack(pack, (e) => ({ ...e, '/etc/passwd': 'x' })), /holds an entry named "\/etc\/passwd", which points outside the archive/],
    [
      'too many entries',
      (pack) => rewritePack(pack, (e) => ({ ...e, ...Object.fromEntries(Array.from({ length: ZIP_LIMITS.pack.entries }, (_, i) => [`extra-${i}.txt`, 'x'])) })),
      /has more than 16 entries/
    ],
    ['a zip bomb', () => write('bomb.spanpack', zipSync({ 'articles.jsonl': new Uint8Array(64 * 2 ** 20) }, { level: 9 })), /compressed more than 200 to 1, as zip bombs are/],
    ['a line by another coder, with the hashes redone', (pack) => rewritePack(pack, (e) => ({ ...e, 'articles.jsonl': e['articles.jsonl']!.replace(/"annotator":\{"id":"[^"]+","name":"Ben"\}(?=,"codebookVersion")/, '"annotator":{"id":"x","name":"Eve"}') }), true), /tag .* is by Eve, not Ben; a pack carries one coder's tags/]
  ]
  for (const [what, make, message] of cases) {
    it(what, () => {
      const { ana, pack } = setup()
      const before = dumpTables(ana.store)
      const bad = make(pack)
      let report
      try {
        report = importPack(ana.store, ANA, [bad])
      } catch (error) {
        expect((error as Error).message).toMatch(message)
        expect(dumpTables(ana.store)).toEqual(before)
        return
      }
      // problems inside a well-formed pack are listed per line, and the import refused
      expect(report.committed).toBe(false)
      expect(report.issues.map((i) => i.message).join('\n')).toMatch(message)
      expect(dumpTables(ana.store)).toEqual(before)
    })
  }

  it('a path that does not exist', () => {
    const { ana } = setup()
    expect(() => importPack(ana.store, ANA, [join(tempDir(), 'nowhere.spanpack')])).toThrow(/nowhere.spanpack does not exist; check the path/)
  })

  it('recognises unsafe entry names', () => {
    for (const name of ['../x', 'a/../../x', '/abs', 'C:\\x', 'c:/x', 'a\\b', '..']) expect(unsafeEntryName(name), name).toBe(true)
    for (const name of ['pack.json', 'articles.jsonl', 'a/b.txt', '..x', 'x..']) expect(unsafeEntryName(name), name).toBe(false)
  })
})
