import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { spacyWriter } from '../../../src/main/export/spacy/spacy-writer'
import { cleanupTemp, tempDir } from '../../helpers/project'
import { ArticleBuilder, exportContext, registryActor, runWriter } from '../../helpers/tables-fixtures'
import { HAS_PYTHON } from '../../helpers/python'

afterEach(cleanupTemp)

// emoji, an astral letter and a combining mark with no precomposed form before every tag
const TEXT = '😊 𝔸 q\u0307 La columna Dagoberto Ramos atacó Neiva, Huila.\nEl 👨🏻‍🚒 grupo negó todo.'
const ACTORS = [registryActor('emc', 'Estado Mayor Central', 'rebel_group'), registryActor('old', 'Old entry', 'rebel_group', { status: 'merged', mergedInto: 'emc' })]

function exportSpacy() {
  const b = new ArticleBuilder(TEXT, 4)
  b.tag('Actor', 'columna Dagoberto Ramos', { id: 'column', attributes: { entity: 'old' } })
  b.tag('Actor', 'Dagoberto', { id: 'nested' })
  b.tag('Event', 'atacó Neiva, Huila', { id: 'event' })
  b.tag('Place', 'Neiva, Huila', { id: 'place' })
  b.tag('Actor', ['👨🏻‍🚒 grupo', 'todo'], { id: 'split' })
  const { dir, notes } = runWriter(spacyWriter(), exportContext(ACTORS), [b.build(), new ArticleBuilder('Nada.', 5).build()])
  const lines = readFileSync(join(dir, 'spans.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  return { dir, notes, lines }
}

const python = HAS_PYTHON
const spacy = python && spawnSync('python3', ['-c', 'import spacy'], { encoding: 'utf8' }).status === 0

describe('spaCy-ready export', () => {
  it('writes spans, non-overlapping ents, kb ids and meta per article, with the script and README', () => {
    const { dir, notes, lines } = exportSpacy()
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'spans.jsonl', 'to_docbin.py'])
    expect(notes.files.sort()).toEqual(readdirSync(dir).sort())
    const [first, second] = lines
    expect(first.text).toBe(TEXT)
    expect(first.meta).toEqual({ uid: 'uid-4', title: 'Article 4', article_id: 4, language: 'es' })
    expect(first.spans.map((s: { tag_id: string }) => s.tag_id)).toEqual(['column', 'nested', 'event', 'place', 'split', 'split'])
    expect(first.spans[0]).toMatchObject({ label: 'Actor', kb_id: 'emc' })
    expect(first.spans[1].kb_id).toBeUndefined()
    expect(first.ents.map((s: { tag_id: string }) => s.tag_id)).toEqual(['column', 'event', 'split', 'split'])
    expect(second).toMatchObject({ text: 'Nada.', spans: [], ents: [] })
    expect(notes.counts).toMatchObject({ documents: 2, spans: 6, ents: 4, leftOutOfEnts: 2, fragmentsSplit: 1, kbIds: 1 })
    expect(notes.warnings).toHaveLength(2)
    expect(readFileSync(join(dir, 'to_docbin.py'), 'utf8')).toContain('alignment_mode="expand"')
  })

  it('warns when an article mixes several coders’ tags, which training data should not', () => {
    const b = new ArticleBuilder(TEXT, 4)
    b.tag('Actor', 'columna Dagoberto Ramos')
    b.tag('Actor', 'columna Dagoberto Ramos', { annotatorId: 'ben', annotatorName: 'Ben' })
    const { notes } = runWriter(spacyWriter(), exportContext(ACTORS), [b.build()])
    expect(notes.warnings[0]).toBe('1 article has tags by several coders; their spans are mixed in one example (the same span twice when coders agree). For training data export one layer, such as gold, with the coder filter.')
    expect(notes.warnings[1]).toBe('1 span overlaps an earlier one: it is in spans (for spancat) but not in ents (for NER).')
  })
})

describe.skipIf(!python)('spaCy-ready export read by Python', () => {
  if (!python) console.warn('skipped: python3 is not installed, so Python string slicing cannot be checked')

  it('Python text[start:end] gives each tag’s text after emoji and combining marks', () => {
    const { dir } = exportSpacy()
    const script = 'import json, sys\nfor line in open(sys.argv[1], encoding="utf-8"):\n    r = json.loads(line)\n    print(json.dumps([r["text"][s["start"]:s["end"]] for s in r["spans"]], ensure_ascii=False))'
    const run = spawnSync('python3', ['-c', script, join(dir, 'spans.jsonl')], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    const [first, second] = run.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(first).toEqual(['columna Dagoberto Ramos', 'Dagoberto', 'atacó Neiva, Huila', 'Neiva, Huila', '👨🏻‍🚒 grupo', 'todo'])
    expect(second).toEqual([])
  })
})

// a stand-in for spaCy's API surface the script uses, so its wiring runs where spaCy is not installed
const FAKE_SPACY: Record<string, string> = {
  '__init__.py': [
    'class Doc:',
    '    def __init__(self, text): self.text, self.spans, self.ents, self.user_data = text, {}, [], {}',
    '    def char_span(self, start, end, label=0, kb_id=0, alignment_mode="strict"):',
    '        assert alignment_mode == "expand"',
    '        return None if not self.text[start:end].strip() else [self.text[start:end], label, kb_id]',
    'class Lang:',
    '    def __init__(self, code): self.code = code',
    '    def make_doc(self, text): return Doc(text)',
    'def blank(code):',
    '    if code not in ("es", "xx"): raise ImportError(code)',
    '    return Lang(code)'
  ].join('\n'),
  'tokens.py': [
    'import json',
    'class DocBin:',
    '    def __init__(self, store_user_data=False): self.docs = []',
    '    def add(self, doc): self.docs.append({"ents": doc.ents, "sc": doc.spans["sc"], "meta": doc.user_data["meta"]})',
    '    def to_disk(self, path): open(path, "w", encoding="utf-8").write(json.dumps(self.docs, ensure_ascii=False))'
  ].join('\n'),
  'util.py': 'def filter_spans(spans): return list(spans)'
}

describe.skipIf(!python)('to_docbin.py wiring, against a stand-in for spaCy', () => {
  it('reads spans.jsonl, places spans and ents through char_span(expand) and writes the DocBin', () => {
    const { dir } = exportSpacy()
    const fake = join(tempDir('fake-spacy-'), 'spacy')
    mkdirSync(fake)
    for (const [name, code] of Object.entries(FAKE_SPACY)) writeFileSync(join(fake, name), code + '\n')
    const target = join(dir, 'corpus.json')
    const run = spawnSync('python3', [join(dir, 'to_docbin.py'), join(dir, 'spans.jsonl'), target], { encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(fake, '..') } })
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toContain('wrote 2 documents')
    const [first, second] = JSON.parse(readFileSync(target, 'utf8'))
    expect(first.ents).toEqual([
      ['columna Dagoberto Ramos', 'Actor', 'emc'],
      ['atacó Neiva, Huila', 'Event', ''],
      ['👨🏻‍🚒 grupo', 'Actor', ''],
      ['todo', 'Actor', '']
    ])
    expect(first.sc).toHaveLength(6)
    expect(first.meta.uid).toBe('uid-4')
    expect(second.ents).toEqual([])
  })
})

describe.skipIf(!spacy)('spaCy-ready export through to_docbin.py', () => {
  if (!spacy) console.warn('skipped: python3 cannot import spacy (pip install spacy to run the DocBin recipe)')

  it('builds a DocBin whose docs carry the spans and ents', () => {
    const { dir } = exportSpacy()
    const target = join(dir, 'corpus.spacy')
    const build = spawnSync('python3', [join(dir, 'to_docbin.py'), join(dir, 'spans.jsonl'), target], { encoding: 'utf8' })
    expect(build.status, build.stderr).toBe(0)
    expect(existsSync(target)).toBe(true)
    const read =
      'import json, sys, spacy\nfrom spacy.tokens import DocBin\nnlp = spacy.blank("xx")\n' +
      'for d in DocBin().from_disk(sys.argv[1]).get_docs(nlp.vocab):\n    print(json.dumps([[e.text, e.label_, e.kb_id_] for e in d.ents] + [len(d.spans["sc"])], ensure_ascii=False))'
    const run = spawnSync('python3', ['-c', read, target], { encoding: 'utf8' })
    expect(run.status, run.stderr).toBe(0)
    const [first] = run.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(first[0]).toEqual(['columna Dagoberto Ramos', 'Actor', 'emc'])
    expect(first[first.length - 1]).toBe(6)
  })
})
