import { describe, expect, it } from 'vitest'
import { canonicalize } from '../../../src/main/import/canonicalize'
import { decodeText, FileRejected } from '../../../src/main/import/decode-text'
import { firstInvalidUtf8 } from '../../../src/main/import/first-invalid-utf8'

const b = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))))

function rejection(bytes: Uint8Array, encoding: 'utf-8' | 'windows-1252' = 'utf-8'): FileRejected {
  try {
    decodeText(bytes, encoding)
  } catch (error) {
    expect(error).toBeInstanceOf(FileRejected)
    return error as FileRejected
  }
  throw new Error('decodeText accepted the bytes')
}

describe('firstInvalidUtf8', () => {
  it('returns -1 for valid UTF-8, including 2-, 3- and 4-byte characters at the very end', () => {
    expect(firstInvalidUtf8(b('plain ascii'))).toBe(-1)
    expect(firstInvalidUtf8(b('Bogotá'))).toBe(-1)
    expect(firstInvalidUtf8(b('a — €'))).toBe(-1)
    expect(firstInvalidUtf8(b('ok 😊'))).toBe(-1)
    expect(firstInvalidUtf8(new Uint8Array())).toBe(-1)
  })

  it('gives the offset of the first bad byte', () => {
    expect(firstInvalidUtf8(b('Caf', [0xe9], ' ok'))).toBe(3) // Windows-1252 é
    expect(firstInvalidUtf8(b('ab', [0xc0, 0xaf]))).toBe(2) // overlong "/"
    expect(firstInvalidUtf8(b('x', [0xe0, 0x80, 0xaf]))).toBe(1) // overlong 3-byte
    expect(firstInvalidUtf8(b('x', [0xed, 0xa0, 0x80]))).toBe(1) // UTF-16 surrogate
    expect(firstInvalidUtf8(b('x', [0xf4, 0x90, 0x80, 0x80]))).toBe(1) // above U+10FFFF
    expect(firstInvalidUtf8(b('é', [0x80]))).toBe(2) // stray continuation byte
    expect(firstInvalidUtf8(b('end', [0xe2, 0x82]))).toBe(3) // truncated at the end
    expect(firstInvalidUtf8(b([0xe2, 0x28, 0xa1]))).toBe(0) // bad continuation
  })
})

describe('decodeText', () => {
  it('refuses empty input and known binary signatures', () => {
    expect(rejection(new Uint8Array()).code).toBe('EMPTY_FILE')
    expect(rejection(b('%PDF-1.4')).message).toContain('a PDF document')
    expect(rejection(b([0xff, 0xd8, 0xff, 0xe0])).message).toContain('a JPEG image')
    expect(rejection(b([0x50, 0x4b, 0x03, 0x04])).message).toContain('.docx')
    expect(rejection(b([0x1f, 0x8b, 0x08])).message).toContain('gzip')
  })

  it('refuses NUL bytes even when asked for windows-1252', () => {
    const error = rejection(b('abc', [0], 'def'), 'windows-1252')
    expect(error.code).toBe('BINARY_FILE')
    expect(error.byteOffset).toBe(3)
  })

  it('decodes strictly as UTF-8, and as windows-1252 only when asked', () => {
    expect(rejection(b('Caf', [0xe9])).code).toBe('INVALID_UTF8')
    expect(decodeText(b('Caf', [0xe9, 0x80]), 'windows-1252')).toEqual({ text: 'Café€', encoding: 'windows-1252' })
    expect(decodeText(b('Café'), 'utf-8')).toEqual({ text: 'Café', encoding: 'utf-8' })
  })

  it('maps every Windows-1252 byte 0x80-0x9F to its WHATWG character, not to a C1 control', () => {
    const bytes = Array.from({ length: 32 }, (_, i) => 0x80 + i)
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
    expect(decodeText(b(bytes), 'windows-1252').text).toBe(expected)
    expect(decodeText(b([0x93], 'Total Peace', [0x94, 0x20, 0x97, 0x20, 0x92]), 'windows-1252').text).toBe('“Total Peace” — ’')
  })

  it('drops a UTF-8 BOM and reads UTF-16 files by their byte-order mark', () => {
    expect(decodeText(b([0xef, 0xbb, 0xbf], 'Hi'), 'utf-8').text).toBe('Hi')
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Bogotá', 'utf16le')]), 'utf-8')).toEqual({ text: 'Bogotá', encoding: 'utf-16le' })
    const be = Buffer.from('Hé', 'utf16le').swap16()
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-8')).toEqual({ text: 'Hé', encoding: 'utf-16be' })
  })
})

describe('canonicalize', () => {
  it('normalises line ends to LF, composes to NFC and strips BOMs, controls and bidi overrides', () => {
    expect(canonicalize('a\r\nb\rc\n')).toEqual({ text: 'a\nb\nc\n', removed: 0 })
    expect(canonicalize('Bogote\u0301')).toEqual({ text: 'Bogotá'.replace('á', 'é'), removed: 0 })
    expect(canonicalize('\uFEFFhi\u0000\u0085\u202Ex\u2066')).toEqual({ text: 'hix', removed: 5 })
  })

  it('keeps tabs, newlines, NBSP, ZWJ emoji and combining marks without a precomposed form', () => {
    const text = 'a\tb\nc\u00a0d 👨‍👩‍👧 x\u0301'
    expect(canonicalize(text)).toEqual({ text, removed: 0 })
  })

  it('replaces a lone surrogate instead of keeping invalid text', () => {
    expect(canonicalize('a\uD800b').text).toBe('a\uFFFDb')
  })
})
