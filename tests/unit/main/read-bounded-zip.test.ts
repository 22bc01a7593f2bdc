import { describe, expect, it } from 'vitest'
import { readBoundedZip } from '../../../src/main/import/annotated/zip/read-bounded-zip'
import { unsafeEntryName } from '../../../src/main/import/annotated/zip/unsafe-entry-name'
import type { ZipLimits } from '../../../src/main/import/annotated/zip/zip-limits'
import { ZipRefused } from '../../../src/main/import/annotated/zip/zip-refused'
import { withDeclaredEntryCount, withDeclaredSize, zipOf } from '../../helpers/zip-crafting'

// small limits, so every check can be reached with archives of a few kilobytes
const LIMITS: ZipLimits = { kind: 'a test archive', advice: 'Make a smaller one.', fileBytes: 2 ** 20, entries: 5, inflatedBytes: 100_000, ratio: 50, ratioFloor: 10_000 }
const all = () => true
const zeros = (n: number) => new Uint8Array(n)
/** Bytes that deflate hardly at all, so only the size limit (not the ratio) can refuse them. */
const noise = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24)

function refusal(data: Uint8Array, limits = LIMITS): ZipRefused {
  try {
    readBoundedZip(data, 'x.zip', limits, all)
  } catch (error) {
    expect(error).toBeInstanceOf(ZipRefused)
    return error as ZipRefused
  }
  throw new Error('the archive was not refused')
}

describe('readBoundedZip', () => {
  it('reads stored and deflated entries, only the wanted ones', () => {
    const entries = readBoundedZip(zipOf({ 'a.txt': 'alpha', 'dir/b.txt': 'beta' }, 6), 'x.zip', LIMITS, (n) => n.endsWith('b.txt'))
    expect([...entries.keys()]).toEqual(['dir/b.txt'])
    expect(Buffer.from(entries.get('dir/b.txt')!).toString()).toBe('beta')
    expect(Buffer.from(readBoundedZip(zipOf({ 'a.txt': 'alpha' }, 0), 'x.zip', LIMITS, all).get('a.txt')!).toString()).toBe('alpha')
    expect(readBoundedZip(zipOf({}), 'x.zip', LIMITS, all).size).toBe(0)
  })

  it('refuses a file that is no zip, and a truncated one, as damaged', () => {
    expect(refusal(Buffer.from('hello, not a zip'))).toMatchObject({ issueCode: 'BAD_ARCHIVE', message: 'x.zip is not a zip archive, so it is not a test archive. Make a smaller one.' })
    const zip = zipOf({ 'a.txt': 'alpha'.repeat(100) })
    expect(refusal(zip.subarray(0, zip.length - 30)).message).toMatch(/^x\.zip is damaged or incomplete: its zip archive cannot be read \(it has no end-of-archive record\), probably because it was cut short/)
  })

  it('refuses more entries than the limit, counted from the directory before it is walked (also a zip64 count)', () => {
    const five = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, 'x']))
    expect(readBoundedZip(zipOf(five), 'x.zip', LIMITS, all).size).toBe(5)
    expect(refusal(zipOf({ ...five, 'f5.txt': 'x' }))).toMatchObject({ issueCode: 'FILE_TOO_LARGE', message: expect.stringMatching(/^x\.zip has more than 5 entries, far more than a test archive holds/) })
    expect(refusal(withDeclaredEntryCount(zipOf({ 'a.txt': 'x' }), 4_000_000_000)).message).toMatch(/has more than 5 entries/)
  })

  it('refuses entry names that would leave a folder, and two entries of one name, whether read or not', () => {
    for (const name of ['../../evil.sh', 'a/../../evil.sh', '/etc/passwd', 'C:\\Windows\\x.txt', 'c:/x.txt', 'sources\\a.txt', '..']) {
      const refused = refusal(zipOf({ 'ok.txt': 'fine', [name]: 'x' }))
      expect(refused.issueCode, name).toBe('BAD_ARCHIVE')
      expect(refused.message, name).toContain(`x.zip holds an entry named "${name}", which points outside the archive`)
    }
    const zip = zipOf({ 'a.txt': 'one', 'b.txt': 'two' })
    // rename b.txt to a.txt in both headers: same length, so the archive stays well formed
    const twice = Buffer.from(zip)
    for (let at = twice.indexOf('b.txt'); at !== -1; at = twice.indexOf('b.txt', at + 1)) twice.write('a.txt', at)
    expect(refusal(new Uint8Array(twice)).message).toMatch(/holds two entries named "a\.txt"/)
    expect(['pack.json', 'a/b.txt', '..x', 'x..'].filter(unsafeEntryName)).toEqual([])
  })

  it('refuses archives whose declared sizes exceed the total or the compression ratio, before inflating', () => {
    expect(refusal(withDeclaredSize(zipOf({ 'a.txt': 'small' }), 'a.txt', 100_001))).toMatchObject({ issueCode: 'FILE_TOO_LARGE', message: expect.stringMatching(/would unpack to more than 0 MB, more than a test archive may/) })
    expect(refusal(zipOf({ 'bomb.txt': zeros(50_000) }, 9))).toMatchObject({ issueCode: 'FILE_TOO_LARGE', message: 'x.zip: the entry "bomb.txt" is compressed more than 50 to 1, as zip bombs are; the file is refused. Make a smaller one.' })
  })

  it('measures the inflated size while inflating: an entry whose header lies small is stopped at the real total', () => {
    // 150 kB of noise declared as 10 bytes: the declared checks pass, the running count refuses it
    const lying = withDeclaredSize(zipOf({ 'a.txt': noise(150_000) }), 'a.txt', 10)
    expect(refusal(lying)).toMatchObject({ issueCode: 'FILE_TOO_LARGE', message: expect.stringMatching(/^x\.zip unpacks to more than 0 MB \(more than its zip headers state\)/) })
    // a bomb declared as 10 bytes passes the declared ratio check and is stopped by the measured one
    expect(refusal(withDeclaredSize(zipOf({ 'bomb.txt': zeros(5_000_000) }, 9), 'bomb.txt', 10), { ...LIMITS, inflatedBytes: 10 ** 9 }).message).toMatch(/"bomb\.txt" is compressed more than 50 to 1, as zip bombs are/)
  })

  it('refuses an entry that inflates to fewer bytes than its header declares (damage or a lie)', () => {
    expect(refusal(withDeclaredSize(zipOf({ 'a.txt': 'alpha' }), 'a.txt', 6))).toMatchObject({ issueCode: 'BAD_ARCHIVE', message: 'x.zip is damaged: the entry "a.txt" unpacks to 5 bytes, not the 6 its zip header states. Make a smaller one.' })
  })

  it('refuses a deflate stream cut short inside an otherwise whole archive', () => {
    const zip = zipOf({ 'a.txt': noise(5000) })
    // corrupt the compressed data in the middle: the stream breaks or inflates to the wrong size
    const broken = zip.slice()
    broken.fill(0xff, 100, 200)
    expect(refusal(broken).issueCode).toBe('BAD_ARCHIVE')
  })
})
