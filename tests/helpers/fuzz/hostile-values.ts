import fc from 'fast-check'

/** Numbers that break offset code when written in place of a real one: negative, fractional, huge, beyond 2^32 and 2^53, not numbers at all. */
export const HOSTILE_NUMBERS = ['-1', '0', '-0', '1.5', '1e400', '-1e400', '99999999999999999999', '4294967295', '4294967296', '2147483648', '9007199254740993', '-99999999', 'NaN', '0x10', ' 7', '', '1e2', '00012']

/** Text fragments that break decoding and offsets: BOMs, NUL and controls, line breaks, astral and combining characters, lone surrogates, bidi and zero-width marks. */
export const HOSTILE_STRINGS = [
  '\uFEFF',
  '\u0000',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '😊',
  '𝔸',
  '👨🏻‍🚒',
  'q\u0307',
  'n\u0303',
  // an accent behind a character canonicalisation removes: the letter before it and the accent must still compose
  '\u202e\u0301',
  '\ufeff\u0308',
  '\uD800',
  '\uDC00',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u0085',
  '\u2028',
  '\u001B[31m',
  '"',
  "'",
  '\\',
  '<',
  '&',
  '&#0;',
  '&#xD800;',
  '&amp;',
  ']]>',
  ',',
  ';',
  '|',
  '#',
  '{',
  '}',
  '[',
  ']',
  '../../',
  '../secret.txt',
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '%s%n',
  '__proto__',
  // names Object.prototype already has: a lookup by them must not find a function
  'constructor',
  'toString'
]

/** Byte sequences hostile files are made of: BOMs, NUL, CR, truncated, overlong and surrogate UTF-8, astral and bidi characters, stray continuation bytes. */
export const HOSTILE_BYTES = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x00],
  [0x0d, 0x0a],
  [0x0d],
  [0xc3],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf0, 0x9f, 0x98, 0x8a],
  [0xf0, 0x9f],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x80, 0xae],
  [0xff],
  [0x80],
  [0x1b]
]

/** A short hostile text: one of the fragments above, a few of them together, or arbitrary (also ill-formed) UTF-16. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...HOSTILE_STRINGS, 'a', ' ', 'é'), { minLength: 2, maxLength: 8 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) }
)
