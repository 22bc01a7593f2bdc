import { plural } from '../../shared/plural'

/** Counts the articles whose exported tags come from more than one coder, and words the warning formats that mix layers need. */
export class SeveralCoders {
  private count = 0

  see(annotations: readonly { annotatorId: string }[]): void {
    for (const t of annotations)
      if (t.annotatorId !== annotations[0]!.annotatorId) {
        this.count++
        return
      }
  }

  /** The warning, or false when every article had one coder; `consequence` says what mixing does in this format. */
  warning(consequence: string): string | false {
    return this.count > 0 && `${plural(this.count, 'article')} ${this.count === 1 ? 'has' : 'have'} tags by several coders; ${consequence}`
  }
}
