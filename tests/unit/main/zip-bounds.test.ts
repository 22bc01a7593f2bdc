import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { runAnnotatedImport } from '../../../src/main/import/annotated/run-annotated-import'
import { ZIP_LIMITS } from '../../../src/main/import/annotated/zip/zip-limits'
import { annotatedImportOptions } from '../../../src/shared/exchange/annotated-import'
import { AppError } from '../../../src/shared/errors'
import { exportedFiles } from '../../helpers/fuzz/exported-files'
import { dumpTables, exportPack, projectWithArticles } from '../../helpers/pack-fixtures'
import { ANA, BEN, cleanupTemp, tempDir } from '../../helpers/project'
import { withDeclaredEntryCount, withDeclaredSize, zipOf } from '../../helpers/zip-crafting'

afterEach(cleanupTemp)

type Entries = Record<string, Uint8Array>
const BOMB = new Uint8Array(8 * 2 ** 20)

interface Format {
  format: 'pack' | 'refi-qda' | 'doccano'
  file: string
  limits: (typeof ZIP_LIMITS)[keyof typeof ZIP_LIMITS]
  /** The entries of a valid archive of the format, and the name of one entry the reader inflates. */
  valid: () => { entries: Entries; read: string }
}

const FORMATS: Format[] = [
  {
    format: 'pack',
    file: 'ben.spanpack',
    limits: ZIP_LIMITS.pack,
    valid: () => {
      const ben = projectWithArticles()
      ben.tag(BEN, ben.huila, 'Actor', 'Gunmen')
      return { entries: unzipSync(new Uint8Array(readFileSync(exportPack(ben.store, BEN).file))), read: 'articles.jsonl' }
    }
  },
  { format: 'refi-qda', file: 'study.qdpx', limits: ZIP_LIMITS.refiQda, valid: () => ({ entries: unzipSync(exportedFiles('refi-qda')['project.qdpx']!), read: 'project.qde' }) },
  { format: 'doccano', file: 'export.zip', limits: ZIP_LIMITS.doccano, valid: () => ({ entries: exportedFiles('doccano'), read: 'Ana.jsonl' }) }
]

/** Imports one crafted archive into Ana's project; returns what refused it (a thrown AppError or the report's error issue) and checks nothing was written. */
function refusedBy(f: Format, archive: Uint8Array): { code: string; message: string } {
  const { store } = projectWithArticles()
  const path = join(tempDir(), f.file)
  writeFileSync(path, archive)
  const before = dumpTables(store)
  let outcome: { code: string; message: string }
  try {
    const report = runAnnotatedImport(store, annotatedImportOptions.parse({ format: f.format, paths: [path], annotator: 'Zip' }), ANA)
    expect(report.committed).toBe(false)
    const error = report.issues.find((i) => i.severity === 'error')!
    outcome = { code: error.code, message: error.message }
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    outcome = { code: (error as AppError).code, message: (error as AppError).message }
  }
  expect(dumpTables(store)).toEqual(before)
  return outcome
}

for (const f of FORMATS) {
  describe(`${f.format} archives are refused within their zip limits, with a clear message, writing nothing`, () => {
    // packs throw a VALIDATION AppError; the other readers report an issue with the zip's own code
    const code = (issueCode: 'BAD_ARCHIVE' | 'FILE_TOO_LARGE') => (f.format === 'pack' ? 'VALIDATION' : issueCode)

    for (const name of ['../../evil.sh', '/etc/passwd', 'C:\\evil.txt', 'sources\\a.txt']) {
      it(`an entry named ${name}`, () => {
        const { entries } = f.valid()
        const refused = refusedBy(f, zipOf({ ...entries, [name]: 'x' }))
        expect(refused.code).toBe(code('BAD_ARCHIVE'))
        expect(refused.message).toContain(`${f.file} holds an entry named "${name}", which points outside the archive`)
      })
    }

    it(`more than ${f.limits.entries} entries`, () => {
      const { entries } = f.valid()
      const refused = refusedBy(f, withDeclaredEntryCount(zipOf(entries), f.limits.entries + 1))
      expect(refused).toEqual({ code: code('FILE_TOO_LARGE'), message: `${f.file} has more than ${f.limits.entries} entries, far more than ${f.limits.kind} holds, so it is refused. ${f.limits.advice}` })
    })

    it(`headers declaring more than ${f.limits.inflatedBytes / 2 ** 20} MB`, () => {
      const { entries, read } = f.valid()
      const refused = refusedBy(f, withDeclaredSize(zipOf(entries), read, f.limits.inflatedBytes + 1))
      expect(refused.code).toBe(code('FILE_TOO_LARGE'))
      expect(refused.message).toContain(`${f.file} would unpack to more than ${f.limits.inflatedBytes / 2 ** 20} MB`)
    })

    it('a zip bomb, declared honestly and declared 100 bytes small', () => {
      const { entries, read } = f.valid()
      const bomb = zipOf({ ...entries, [read]: BOMB }, 9)
      for (const archive of [bomb, withDeclaredSize(bomb, read, 100)]) {
        const refused = refusedBy(f, archive)
        expect(refused.code).toBe(code('FILE_TOO_LARGE'))
        expect(refused.message).toContain(`${f.file}: the entry "${read}" is compressed more than ${f.limits.ratio} to 1, as zip bombs are`)
      }
    })

    it('an entry whose header states a size it does not have', () => {
      const { entries, read } = f.valid()
      const refused = refusedBy(f, withDeclaredSize(zipOf(entries), read, entries[read]!.length + 1))
      expect(refused.code).toBe(code('BAD_ARCHIVE'))
      expect(refused.message).toContain(`${f.file} is damaged: the entry "${read}" unpacks to ${entries[read]!.length} bytes, not the ${entries[read]!.length + 1} its zip header states`)
    })

    it('a truncated copy', () => {
      const zip = zipOf(f.valid().entries)
      const refused = refusedBy(f, zip.subarray(0, Math.floor(zip.length * 0.6)))
      expect(refused.code).toBe(code('BAD_ARCHIVE'))
      expect(refused.message).toMatch(new RegExp(`^${f.file.replace('.', '\\.')} is damaged or incomplete: its zip archive cannot be read`))
    })
  })
}
