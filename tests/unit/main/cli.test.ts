import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import type { AgreementReport } from '../../../src/shared/agreement/agreement-report'
import { ANA, BEN, cleanupTemp, cpIndexOf, openStore, sha256File, tempDir } from '../../helpers/project'

const ROOT = resolve(__dirname, '../../..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
}, 180_000)
afterAll(cleanupTemp)

function cli(args: string[], cwd = tempDir()) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) }
}

const TEXT_A = 'Ceasefire announced in Valdorra\nThe Northern Liberation Front agreed to a 30-day truce.'
const TEXT_B = '# Talks 🕊️ resume 👨‍👩‍👧\n\nDelegates of the Front met the army in Vessen.'

/** A folder with two good articles. */
function corpus(): string {
  const dir = join(tempDir(), 'corpus')
  mkdirSync(dir)
  writeFileSync(join(dir, 'a.txt'), TEXT_A)
  writeFileSync(join(dir, 'b.md'), TEXT_B)
  return dir
}

describe('cli import', () => {
  it('creates the project, imports a folder, exits 0 and prints a JSON summary', () => {
    const project = join(tempDir(), 'p.spanwise')
    const r = cli(['import', corpus(), '--project', project])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.lines).toEqual([{ files: 2, imported: 2, duplicates: 0, errors: 0 }])
    expect(existsSync(project)).toBe(true)
    // importing again finds only duplicates
    expect(cli(['import', corpus(), '--project', project]).lines).toEqual([{ files: 2, imported: 0, duplicates: 2, errors: 0 }])
  })

  it('exits 1 when one file among good ones is rejected, naming it on stderr', () => {
    const dir = corpus()
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9]))
    const r = cli(['import', dir, '--project', join(tempDir(), 'p.spanwise')])
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('error: broken.txt: this is not valid UTF-8 (first bad byte at offset 3)')
    expect(r.stderr).not.toContain('a.txt')
    expect(r.lines).toEqual([{ files: 3, imported: 2, duplicates: 0, errors: 1 }])
  })

  it('imports that file with --encoding windows-1252', () => {
    const dir = join(tempDir(), 'latin')
    mkdirSync(dir)
    writeFileSync(join(dir, 'cafe.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9]))
    const project = join(tempDir(), 'p.spanwise')
    const r = cli(['import', dir, '--project', project, '--encoding', 'windows-1252'])
    expect(r.status).toBe(0)
    expect(cli(['articles', '--project', project]).lines.map((a) => a.title)).toEqual(['Café'])
  })
})

describe('cli articles and annotations', () => {
  it('articles prints one JSON line per article with id, title, hash and counts', async () => {
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    const r = cli(['articles', '--project', project])
    expect(r.status).toBe(0)
    expect(r.lines).toHaveLength(2)
    const store = await openStore(project)
    for (const line of r.lines) {
      const article = store.articles.get(line.id as number)!
      expect(line).toMatchObject({ id: article.id, uid: article.uid, title: article.title, status: 'new', tags: 0, counts: {}, note: '' })
      expect(line.hash).toBe(createHash('sha256').update(article.text).digest('hex'))
    }
    expect(r.lines.map((l) => l.title)).toEqual(['Ceasefire announced in Valdorra', 'Talks 🕊️ resume 👨‍👩‍👧'])
    store.close()
  })

  it('annotations prints label, code point start/end, quote, annotator and times', async () => {
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    const store = await openStore(project)
    const b = store.articles.list({ sort: 'imported', dir: 'asc', limit: 10 }).rows[1]!
    const text = store.articles.get(b.id)!.text
    const start = cpIndexOf(text, 'the Front')
    expect(text.indexOf('the Front')).toBeGreaterThan(start) // emoji before the span
    const created = new AnnotationService(store).create(ANA, { articleId: b.id, label: 'Actor', fragments: [{ start, end: start + 9 }] }).upserted[0]!
    new AnnotationService(store).create(ANA, { articleId: b.id, label: 'Place', fragments: [{ start: cpIndexOf(text, 'Vessen'), end: cpIndexOf(text, 'Vessen') + 6 }] })
    store.close()

    const r = cli(['annotations', '--project', project])
    expect(r.status).toBe(0)
    expect(r.lines).toHaveLength(2)
    expect(r.lines[0]).toEqual({
      id: created.id,
      article: b.id,
      label: 'Actor',
      start,
      end: start + 9,
      fragments: [{ start, end: start + 9, quote: 'the Front' }],
      quote: 'the Front',
      annotator: 'Ana',
      annotator_id: ANA.id,
      note: '',
      status: 'draft',
      created: created.createdAt,
      updated: created.updatedAt,
      offset_unit: 'codepoint'
    })
    expect(new Date(r.lines[0]!.created as string).toISOString()).toBe(r.lines[0]!.created)
    expect(cli(['annotations', '--project', project, '--article', '1']).lines).toEqual([])
    expect(cli(['annotations', '--project', project, '--article', String(b.id)]).lines).toHaveLength(2)
  })
})

describe('cli errors', () => {
  it.each([
    [[], 'Usage:'],
    [['import', '--project', 'p.spanwise'], 'import needs at least one file or folder'],
    [['articles'], 'articles needs --project <file>'],
    [['articles', '--project', 'p.spanwise', '--bogus'], "Unknown option '--bogus'"],
    [['import', 'a.txt', '--project', 'p.spanwise', '--encoding', 'latin1'], '--encoding must be utf-8 or windows-1252'],
    [['frobnicate', '--project', 'p.spanwise'], 'unknown command "frobnicate"']
  ])('bad usage %j exits 2 with a message and touches no file', (args, message) => {
    const cwd = tempDir()
    const r = cli(args, cwd)
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(message)
    expect(r.stdout).toBe('')
    expect(readdirSync(cwd)).toEqual([])
  })

  it('exits 3 with the NOT_A_PROJECT message for a file that is not a project, leaving it unchanged', () => {
    const dir = tempDir()
    const notes = join(dir, 'notes.spanwise')
    writeFileSync(notes, 'these are my notes')
    const before = sha256File(notes)
    for (const args of [['articles', '--project', notes], ['import', corpus(), '--project', notes]]) {
      const r = cli(args)
      expect(r.status).toBe(3)
      expect(r.stderr).toContain('spanwise: notes.spanwise is not a Spanwise project (it is not an SQLite database)')
      expect(r.stdout).toBe('')
    }
    expect(sha256File(notes)).toBe(before)
    expect(readdirSync(dir)).toEqual(['notes.spanwise'])
  })

  it('refuses a label mapping onto no codebook label, or contradictory label options, naming them; nothing is imported', () => {
    const dir = join(tempDir(), 'brat')
    mkdirSync(dir)
    writeFileSync(join(dir, 'a.txt'), TEXT_A)
    writeFileSync(join(dir, 'a.ann'), 'T1\tPerson 36 59\tNorthern Liberation Front\n')
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    const tagged = (args: string[]) => cli(['import', '--format', 'brat', dir, '--project', project, '--annotator', 'Ana', ...args])
    const typo = tagged(['--map', 'Person=actor'])
    expect(typo.status).toBe(1)
    expect(typo.stderr).toContain("The label mapping Person → actor names no label of this project's codebook (names are case-sensitive). Its labels: Actor, Event, Claim")
    const twice = tagged(['--map', 'Person=Actor', '--map', 'Person=Place'])
    expect([twice.status, twice.stderr]).toEqual([2, expect.stringContaining('--map Person is given twice (Actor and Place); keep one')])
    expect(tagged(['--map', 'Person=Actor', '--skip-label', 'Person']).stderr).toContain('Person is both mapped (--map Person=Actor) and skipped (--skip-label Person)')
    expect(tagged(['--map', 'Person=Actor', '--create', 'Person']).stderr).toContain('Person is both mapped and to be added to the codebook')
    expect(cli(['annotations', '--project', project]).lines).toEqual([])
    expect(tagged(['--map', 'Person=Actor']).status).toBe(0)
  })

  it('refuses an --article id no article has as bad usage (exit 2), naming it, instead of printing nothing', () => {
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    for (const id of ['999', '0']) {
      const r = cli(['annotations', '--project', project, '--article', id])
      expect([r.status, r.stdout]).toEqual([2, ''])
      expect(r.stderr).toContain(`spanwise: No article has the id ${id} in this project; list the article ids with: articles --project ${project}`)
    }
  })

  it('exits 3 naming the folder when import is to create a project in a folder that does not exist', () => {
    const folder = join(tempDir(), 'newdir', 'sub')
    const r = cli(['import', corpus(), '--project', join(folder, 'x.spanwise')])
    expect(r.status).toBe(3)
    expect(r.stderr).toContain(`spanwise: Cannot create ${join(folder, 'x.spanwise')}: the folder ${folder} does not exist; create the folder first`)
    expect(existsSync(folder)).toBe(false)
  })

  it('exits 3 when the project does not exist (only import creates one)', () => {
    const r = cli(['articles', '--project', join(tempDir(), 'missing.spanwise')])
    expect(r.status).toBe(3)
    expect(r.stderr).toContain('missing.spanwise does not exist')
  })
})

describe('cli agreement', () => {
  it('prints the report as JSON, CSV or HTML for the chosen coders, and refuses an unknown coder as bad usage', async () => {
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    const store = await openStore(project)
    const a = store.articles.list({ sort: 'imported', dir: 'asc', limit: 10 }).rows[0]!
    const text = store.articles.get(a.id)!.text
    const service = new AnnotationService(store)
    const at = (w: string) => ({ start: cpIndexOf(text, w), end: cpIndexOf(text, w) + w.length })
    service.create(ANA, { articleId: a.id, label: 'Actor', fragments: [at('Northern Liberation Front')] })
    service.create(BEN, { articleId: a.id, label: 'Actor', fragments: [at('The Northern Liberation Front')] })
    service.create(ANA, { articleId: a.id, label: 'Event', fragments: [at('truce')] })
    service.create(BEN, { articleId: a.id, label: 'Event', fragments: [at('truce')] })
    store.close()

    const json = cli(['agreement', '--project', project])
    expect(json.status).toBe(0)
    expect(json.lines).toHaveLength(1)
    const report = json.lines[0] as unknown as AgreementReport
    expect(report.annotators.map((x) => x.name)).toEqual(['Ana', 'Ben'])
    expect([report.overall.exact.f1, report.overall.overlap.f1].map((f) => f.ok && f.value)).toEqual([0.5, 1])
    // the pair's unitizing alpha, and alpha on every codebook attribute of the article (no values given: a reason)
    expect(report.pairwise[0]!.unitizingAlpha).toEqual(report.overall.unitizingAlpha)
    expect(report.pairwise[0]!.unitizingAlpha.ok).toBe(true)
    const eventType = report.perArticle[0]!.perAttribute.find((x) => x.label === 'Event' && x.key === 'event_type')!
    expect(eventType).toMatchObject({ level: 'nominal', units: 1, alpha: { ok: false, reason: 'no_units' } })

    const csv = spawnSync(process.execPath, [CLI, 'agreement', '--project', project, '--format', 'csv', '--labels', 'Event'], { encoding: 'utf8' })
    expect(csv.stdout.split('\r\n')[0]).toBe('scope,article,article_title,label,attribute,statistic,annotators,value,n,note')
    expect(csv.stdout).toMatch(/^corpus,,,,,f1_exact,Ana & Ben,1,2,\r$/m)
    expect(csv.stdout).toMatch(new RegExp(`^article,${a.id},[^,]+,Event,event_type,krippendorff_alpha_nominal,Ana & Ben,,,There is nothing to compare: no units were coded\\.\r$`, 'm'))
    const html = join(tempDir(), 'agreement.html')
    expect(spawnSync(process.execPath, [CLI, 'agreement', '--project', project, '--format', 'html', '--out', html]).status).toBe(0)
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/i)

    const bad = cli(['agreement', '--project', project, '--annotators', 'Ana,Zed'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('No coder is called “Zed” in this project')
  })
})

describe('cli export', () => {
  it('chooses articles by words with --search, and refuses words no article holds, writing nothing', () => {
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    const out = join(tempDir(), 'vessen')
    const r = cli(['export', '--format', 'native', '--project', project, '--out', out, '--search', 'Vessen delegates'])
    expect(r.status).toBe(0)
    expect(r.lines[0]).toMatchObject({ articles: 1 })
    expect(readFileSync(join(out, 'articles.jsonl'), 'utf8')).toContain('Delegates of the Front met the army in Vessen.')
    const none = cli(['export', '--format', 'native', '--project', project, '--out', join(tempDir(), 'none'), '--search', 'Quibdó'])
    expect(none.status).toBe(1)
    expect(none.stderr).toContain("No article's title or text holds “Quibdó”")
    expect(none.stderr).toContain('nothing was written')
    expect(existsSync(join(tempDir(), 'none'))).toBe(false)
  })
})

describe('cli backup, backups, restore', () => {
  it('backs up, lists, restores after keeping the current state, and restores a damaged project in its place', () => {
    const project = join(tempDir(), 'p.spanwise')
    expect(cli(['import', corpus(), '--project', project]).status).toBe(0)
    const made = cli(['backup', '--project', project])
    expect(made.status).toBe(0)
    expect(made.lines[0]).toMatchObject({ kind: 'manual', articles: 2 })
    const later = join(tempDir(), 'later.txt')
    writeFileSync(later, 'A third article, written after the backup.')
    expect(cli(['import', later, '--project', project]).status).toBe(0)

    const restored = cli(['restore', '--project', project, '--backup', made.lines[0]!.file as string])
    expect(restored.status).toBe(0)
    expect(restored.lines[0]!.keptCurrentAs).toMatch(/before-restore\.spanwise$/)
    expect(cli(['articles', '--project', project]).lines).toHaveLength(2)
    const listed = cli(['backups', '--project', project]).lines
    expect(listed.map((e) => [e.kind, e.articles])).toEqual([['before-restore', 3], ['manual', 2]])

    // damage it: the next command moves it aside and exits 3 with advice; restore puts the backup in its place
    writeFileSync(project, Buffer.alloc(8192, 0x41))
    const refused = cli(['articles', '--project', project])
    expect(refused.status).toBe(3)
    expect(refused.stderr).toContain('p.spanwise is damaged')
    expect(existsSync(project)).toBe(false)
    expect(cli(['restore', '--project', project, '--backup', listed[0]!.file as string]).status).toBe(0)
    expect(cli(['articles', '--project', project]).lines).toHaveLength(3)
  })

  it('restore without --backup is bad usage (exit 2)', () => {
    const r = cli(['restore', '--project', join(tempDir(), 'p.spanwise')])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('restore needs --backup')
  })
})
