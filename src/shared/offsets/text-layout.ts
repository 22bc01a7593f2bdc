/**
 * The viewer shows the canonical text as one paragraph per line ("\n" separates paragraphs).
 * ProseMirror counts one position for each paragraph's opening and closing token, so a position
 * is the UTF-16 offset plus the tokens before it.
 */
export class TextLayout {
  /** UTF-16 offset where each line starts. */
  readonly lineStarts: number[] = [0]
  readonly lines: string[]

  readonly docSize: number

  constructor(text: string) {
    this.lines = text.split('\n')
    // every line's characters, minus the "\n" separators, plus an open and a close token per paragraph
    this.docSize = text.length - (this.lines.length - 1) + 2 * this.lines.length
    let at = 0
    for (let i = 0; i < this.lines.length - 1; i++) {
      at += this.lines[i]!.length + 1
      this.lineStarts.push(at)
    }
  }

  private lineOf(u16: number): number {
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.lineStarts[mid]! <= u16) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** ProseMirror position of a UTF-16 offset; the "\n" ending a line maps to that paragraph's end. */
  toPos(u16: number): number {
    const line = this.lineOf(u16)
    // line i's paragraph opens at lineStarts[i] + i (each earlier line: its "\n" is 1 char, its tokens 2)
    return this.lineStarts[line]! + line + 1 + (u16 - this.lineStarts[line]!)
  }

  /** UTF-16 offset of a ProseMirror position; positions on paragraph tokens move into the nearest text. */
  fromPos(pos: number): number {
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.lineStarts[mid]! + mid <= pos) lo = mid
      else hi = mid - 1
    }
    const open = this.lineStarts[lo]! + lo
    const within = Math.min(Math.max(pos - open - 1, 0), this.lines[lo]!.length)
    return this.lineStarts[lo]! + within
  }
}
