import { CodePointIndex } from './code-point-index'
import { nextWordStart, snapExact, snapToWords } from './snap'
import { TextLayout } from './text-layout'

/** A code point range [start, end) into an article's canonical text: the unit we store and export. */
export interface CpRange {
  start: number
  end: number
}

/** All offset conversions for one article's canonical text: code points ↔ UTF-16 ↔ ProseMirror positions. */
export class ArticleOffsets {
  readonly index: CodePointIndex
  readonly layout: TextLayout

  constructor(readonly text: string) {
    this.index = new CodePointIndex(text)
    this.layout = new TextLayout(text)
  }

  get lengthCp(): number {
    return this.index.lengthCp
  }

  cpToUtf16(cp: number): number {
    return this.index.toUtf16(cp)
  }

  utf16ToCp(u16: number, inside: 'strict' | 'floor' | 'ceil' = 'strict'): number {
    return this.index.toCodePoint(u16, inside)
  }

  cpToPos(cp: number): number {
    return this.layout.toPos(this.index.toUtf16(cp))
  }

  posToCp(pos: number, inside: 'floor' | 'ceil'): number {
    return this.index.toCodePoint(this.layout.fromPos(pos), inside)
  }

  /** The text a code point range covers. */
  slice(range: CpRange): string {
    return this.text.slice(this.index.toUtf16(range.start), this.index.toUtf16(range.end))
  }

  /** The code point where the first word at or after `cp` begins: where a keyboard selection after a tag starts. */
  nextWordStart(cp: number): number {
    return this.index.toCodePoint(nextWordStart(this.text, this.index.toUtf16(cp)), 'floor')
  }

  /**
   * Turns a selection between two ProseMirror positions into a stored range: snapped to whole words,
   * or only to whole characters when `exact`. Null for an empty or whitespace-only selection.
   */
  selectionToRange(from: number, to: number, exact: boolean): CpRange | null {
    const a = this.layout.fromPos(Math.min(from, to))
    const b = this.layout.fromPos(Math.max(from, to))
    const snapped = exact ? snapExact(this.text, { start: a, end: b }) : snapToWords(this.text, { start: a, end: b })
    if (!snapped) return null
    return { start: this.index.toCodePoint(snapped.start, 'floor'), end: this.index.toCodePoint(snapped.end, 'ceil') }
  }
}
