/** Converts between Unicode code point offsets (our stored unit) and UTF-16 offsets (JavaScript strings). */
export class CodePointIndex {
  /** UTF-16 offset of every surrogate pair, ascending; empty for BMP-only text (the common case). */
  private readonly pairs: number[] = []
  readonly length16: number
  readonly lengthCp: number

  constructor(text: string) {
    this.length16 = text.length
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1)
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.pairs.push(i)
          i++
        }
      }
    }
    this.lengthCp = this.length16 - this.pairs.length
  }

  /** UTF-16 offset of code point offset `cp` (0 ≤ cp ≤ lengthCp). */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.lengthCp) throw new RangeError(`code point offset ${cp} is outside 0..${this.lengthCp}`)
    // pairs[k] - k is the code point offset of the k-th astral character
    let lo = 0
    let hi = this.pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.pairs[mid]! - mid < cp) lo = mid + 1
      else hi = mid
    }
    return cp + lo
  }

  /**
   * Code point offset of UTF-16 offset `u16`. An offset between the two halves of a surrogate pair is
   * moved to the pair's start ('floor'), its end ('ceil'), or rejected ('strict').
   */
  toCodePoint(u16: number, inside: 'strict' | 'floor' | 'ceil' = 'strict'): number {
    if (!Number.isInteger(u16) || u16 < 0 || u16 > this.length16) throw new RangeError(`UTF-16 offset ${u16} is outside 0..${this.length16}`)
    let lo = 0
    let hi = this.pairs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.pairs[mid]! < u16) lo = mid + 1
      else hi = mid
    }
    // lo = number of pairs starting before u16; the last of them may straddle u16
    if (lo > 0 && this.pairs[lo - 1]! + 1 === u16) {
      if (inside === 'strict') throw new RangeError(`UTF-16 offset ${u16} splits a surrogate pair`)
      return inside === 'floor' ? u16 - 1 - (lo - 1) : u16 + 1 - lo
    }
    return u16 - lo
  }

  isBmpOnly(): boolean {
    return this.pairs.length === 0
  }
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g

/** Length of a text in code points, without building an index (a native regex scan). */
export function countCodePoints(text: string): number {
  return text.length - (text.match(PAIR)?.length ?? 0)
}
