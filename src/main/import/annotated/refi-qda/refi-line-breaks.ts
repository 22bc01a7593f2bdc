import { CodePointIndex } from '../../../../shared/offsets'
import { attr, type XmlNode } from './refi-xml'

export interface CrlfReading {
  /** The positions count each CRLF as one character: they index the text with LF line breaks. */
  asOne: boolean
  /** Why, for the report. */
  because: string
  /** Selections that end after the first CRLF, whose positions the two readings place differently. */
  affected: number
}

// a quotation name cut short ends with an ellipsis; names shorter than this match too easily to count
const ELLIPSIS = /(?:…|\.\.\.)$/
const MIN_NAME = 4
const squeeze = (s: string) => s.replace(/\s+/g, ' ')

/**
 * How a source's positions count a CRLF line break, or null when its text has none. The standard counts code
 * points of the file (two); ATLAS.ti counts one (QualCoder refi.py reads its positions so). A selection name
 * that is the start of its quotation (as ATLAS.ti names them) decides where it fits only one reading; a
 * selection that ends past the shorter text rules one out; otherwise the origin decides.
 */
export function readCrlf(text: string, selections: XmlNode[], origin: string): CrlfReading | null {
  const firstBreak = text.indexOf('\r\n')
  if (firstBreak === -1) return null
  const lf = text.replaceAll('\r\n', '\n')
  const two = new CodePointIndex(text)
  const one = new CodePointIndex(lf)
  const breakAt = two.toCodePoint(firstBreak)
  let affected = 0
  let fitsOne = true
  const votes = { one: 0, two: 0 }
  for (const sel of selections) {
    const start = Number(attr(sel, 'startPosition') ?? '')
    const end = Number(attr(sel, 'endPosition') ?? '')
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end <= breakAt) continue
    affected++
    // past both texts is a broken selection, reported when it is read; past only the shorter one rules that reading out
    if (end > one.lengthCp && end <= two.lengthCp) fitsOne = false
    const name = squeeze((attr(sel, 'name') ?? '').trim().replace(ELLIPSIS, '')).trim()
    if (Array.from(name).length < MIN_NAME) continue
    const starts = (index: CodePointIndex, s: string) => end <= index.lengthCp && squeeze(s.slice(index.toUtf16(start), index.toUtf16(end))).startsWith(name)
    const inOne = starts(one, lf)
    const inTwo = starts(two, text)
    if (inOne !== inTwo) votes[inOne ? 'one' : 'two']++
  }
  if (!fitsOne) return { asOne: false, because: 'a selection ends past the text if each counts one', affected }
  if (votes.one !== votes.two) {
    const n = Math.max(votes.one, votes.two)
    return { asOne: votes.one > votes.two, because: `${n} selection ${n === 1 ? 'name matches' : 'names match'} the text only when read so`, affected }
  }
  const atlas = /atlas\.?ti/i.test(origin)
  return { asOne: atlas, because: atlas ? 'as ATLAS.ti writes them' : 'as the REFI-QDA standard counts code points of the file', affected }
}
