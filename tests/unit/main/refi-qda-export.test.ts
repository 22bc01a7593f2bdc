import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync, strFromU8 } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { RefiQdaWriter } from '../../../src/main/export/refi-qda/refi-qda-writer'
import { WRITERS } from '../../../src/main/export/writers'
import { cleanupTemp, cpIndexOf, tempDir, ANA, BEN } from '../../helpers/project'
import { EMOJI_TEXT, exportContext, runWriter, sampleArticles } from '../../helpers/refi-qda-fixtures'
import { HAS_PYTHON } from '../../helpers/python'

afterEach(cleanupTemp)

const REFI = join(__dirname, '../../../../shared/conformance/refi-qda')
const XMLLINT = '/usr/bin/xmllint'
const hasSchemas = existsSync(join(REFI, 'Project.xsd'))
const hasXmllint = existsSync(XMLLINT)
const hasPython = HAS_PYTHON
if (!hasSchemas) console.warn(`REFI-QDA XSD checks skipped: ${REFI} is missing (copy shared/conformance beside the repo)`)
if (!hasXmllint) console.warn(`REFI-QDA XSD checks skipped: ${XMLLINT} is missing (apt-get install libxml2-utils)`)
if (!hasPython) console.warn('REFI-QDA code-point check skipped: python3 is not on PATH')

function exportSample(dir: string) {
  return runWriter(new RefiQdaWriter(), dir, sampleArticles())
}

function unzipTo(qdpx: string, dir: string): Record<string, Uint8Array> {
  const files = unzipSync(readFileSync(qdpx))
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), bytes)
  }
  return files
}

describe('REFI-QDA export', () => {
  it('is registered and writes project.qdpx (project.qde + one UTF-8 text per article) and codebook.qdc', () => {
    expect(WRITERS['refi-qda']?.()).toBeInstanceOf(RefiQdaWriter)
    const { folder, notes } = exportSample(tempDir())
    expect(notes.files).toEqual(['project.qdpx', 'codebook.qdc'])
    expect(existsSync(join(folder, '.refi-qda-spool'))).toBe(false)
    const files = unzipSync(readFileSync(join(folder, 'project.qdpx')))
    const names = Object.keys(files).sort()
    expect(names).toHaveLength(3)
    expect(names).toContain('project.qde')
    const texts = names.filter((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n)).map((n) => strFromU8(files[n]!))
    expect(texts.sort()).toEqual([EMOJI_TEXT, 'Nothing tagged here.'].sort())
    const qde = strFromU8(files['project.qde']!)
    for (const n of names.filter((n) => n.startsWith('sources/'))) expect(qde).toContain(`plainTextPath="internal://${n.slice('sources/'.length)}"`)
  })

  it('reports what it had to change: discontinuous tags, a link to a tag left out, a control character removed', () => {
    const { notes } = exportSample(tempDir())
    expect(notes.counts).toMatchObject({ articles: 2, tags: 5, selections: 6, links: 2, linksDropped: 1, discontinuousTags: 1, charactersRemoved: 1, labelsAdded: 0 })
    expect(notes.warnings.join('\n')).toMatch(/1 discontinuous tag was written as one PlainTextSelection per fragment/)
    expect(notes.warnings.join('\n')).toMatch(/1 link points to a tag this export leaves out and was not written/)
    expect(notes.warnings.join('\n')).toMatch(/1 control character XML 1.0 cannot carry was removed/)
  })

  it('names each selection after its text, or after its label when the export leaves quotes out', () => {
    const dir = tempDir()
    const names = (quotes: boolean, name: string) => {
      const ctx = exportContext()
      ctx.options = { ...ctx.options, quotes }
      const qde = strFromU8(unzipSync(readFileSync(join(runWriter(new RefiQdaWriter(), dir, sampleArticles(), ctx, name).folder, 'project.qdpx')))['project.qde']!)
      return [...qde.matchAll(/<PlainTextSelection [^>]*name="([^"]*)"/g)].map((m) => m[1])
    }
    expect(names(true, 'with')).toEqual(['ELN', 'atacó', 'patrulla del Ejército', 'Frente Oriental', 'ELN', 'ELN'])
    expect(names(false, 'without')).toEqual(['Actor', 'Attack', 'Actor', 'Armed group', 'Armed group', 'Actor'])
  })

  it('gives the same GUIDs and bytes when the same data is exported twice', () => {
    const dir = tempDir()
    const a = unzipSync(readFileSync(join(runWriter(new RefiQdaWriter(), dir, sampleArticles(), undefined, 'one').folder, 'project.qdpx')))
    const b = unzipSync(readFileSync(join(runWriter(new RefiQdaWriter(), dir, sampleArticles(), undefined, 'two').folder, 'project.qdpx')))
    expect(strFromU8(a['project.qde']!)).toBe(strFromU8(b['project.qde']!))
  })

  describe.skipIf(!hasSchemas || !hasXmllint)('against the REFI-QDA 1.5 XSDs (xmllint)', () => {
    it('project.qde validates against Project.xsd and codebook.qdc against Codebook.xsd', () => {
      const dir = tempDir()
      const { folder } = exportSample(dir)
      unzipTo(join(folder, 'project.qdpx'), join(dir, 'unzipped'))
      const run = (xsd: string, file: string) => spawnSync(XMLLINT, ['--noout', '--schema', join(REFI, xsd), file], { encoding: 'utf8' })
      const project = run('Project.xsd', join(dir, 'unzipped', 'project.qde'))
      expect(project.stderr).toContain('validates')
      expect(project.status).toBe(0)
      const codebook = run('Codebook.xsd', join(folder, 'codebook.qdc'))
      expect(codebook.stderr).toContain('validates')
      expect(codebook.status).toBe(0)
    })

    it('the XSD check can fail: a selection without endPosition is refused', () => {
      const dir = tempDir()
      const { folder } = exportSample(dir)
      const files = unzipTo(join(folder, 'project.qdpx'), join(dir, 'unzipped'))
      const broken = join(dir, 'broken.qde')
      writeFileSync(broken, strFromU8(files['project.qde']!).replace(/ endPosition="\d+"/, ''))
      const result = spawnSync(XMLLINT, ['--noout', '--schema', join(REFI, 'Project.xsd'), broken], { encoding: 'utf8' })
      expect(result.status).not.toBe(0)
      expect(result.stderr).toMatch(/endPosition/)
    })
  })

  describe.skipIf(!hasPython)('positions are code points (checked in Python)', () => {
    it('text[start:end] of every selection in the unzipped source is the tagged text; codes nest; coders stay apart', () => {
      const dir = tempDir()
      const { folder } = exportSample(dir)
      const script = `
import json, sys, zipfile, xml.etree.ElementTree as ET
ns = {'q': 'urn:QDA-XML:project:1.0'}
z = zipfile.ZipFile(sys.argv[1])
root = ET.fromstring(z.read('project.qde'))
users = {u.get('guid'): u.get('name') for u in root.iterfind('q:Users/q:User', ns)}
codes = {}
def walk(el, parent):
    for c in el.iterfind('q:Code', ns):
        codes[c.get('guid')] = (c.get('name'), parent)
        walk(c, c.get('name'))
walk(root.find('q:CodeBook/q:Codes', ns), None)
out = {'project': root.get('name'), 'selections': []}
for src in root.iterfind('q:Sources/q:TextSource', ns):
    text = z.read('sources/' + src.get('plainTextPath')[len('internal://'):]).decode('utf-8')
    for sel in src.iterfind('q:PlainTextSelection', ns):
        s, e = int(sel.get('startPosition')), int(sel.get('endPosition'))
        code = codes[sel.find('q:Coding/q:CodeRef', ns).get('targetGUID')]
        out['selections'].append([text[s:e], s, code[0], code[1], users[sel.get('creatingUser')]])
print(json.dumps(out))
`
      const result = JSON.parse(execFileSync('python3', ['-c', script, join(folder, 'project.qdpx')], { encoding: 'utf8' }))
      expect(result.project).toBe('Peace talks & "ELN" <2024>')
      const eln2 = EMOJI_TEXT.indexOf('ELN', EMOJI_TEXT.indexOf('ELN') + 1)
      expect(result.selections).toEqual([
        ['ELN', cpIndexOf(EMOJI_TEXT, 'ELN'), 'Actor', null, ANA.name],
        ['atacó', cpIndexOf(EMOJI_TEXT, 'atacó'), 'Attack', 'Event', ANA.name],
        ['patrulla del Ejército', cpIndexOf(EMOJI_TEXT, 'patrulla'), 'Actor', null, BEN.name],
        ['Frente Oriental', cpIndexOf(EMOJI_TEXT, 'Frente'), 'Armed group', 'Actor', BEN.name],
        ['ELN', Array.from(EMOJI_TEXT.slice(0, eln2)).length, 'Armed group', 'Actor', BEN.name],
        ['ELN', cpIndexOf(EMOJI_TEXT, 'ELN'), 'Actor', null, BEN.name]
      ])
      // the emoji, the astral letter and the combining mark sit before the first tag
      expect(cpIndexOf(EMOJI_TEXT, 'ELN')).toBe(EMOJI_TEXT.indexOf('ELN') - 2)
    })
  })
})
