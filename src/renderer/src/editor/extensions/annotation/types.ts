/** A tag as the viewer draws it: ProseMirror ranges (one per fragment) and a label class. */
export interface AnnotationItem {
  id: string
  /** One [from, to) ProseMirror range per fragment. */
  ranges: { from: number; to: number }[]
  /** CSS class prefix of the label: lane N uses `${labelClass}-lN` for its colours. */
  labelClass: string
  /** An extra class for every fragment, such as the incomplete-tag marker. */
  flag?: string
}

export interface AnnotationOptions {
  /**
   * Tags to draw in the editor's first render, so the text is not laid out twice.
   * @default []
   */
  initial: AnnotationItem[]

  /**
   * True when `initial` holds only the tags of the opening text and setAnnotations will bring them all:
   * until then the view reports its tags as partly drawn.
   * @default false
   */
  pending: boolean

  /**
   * Called when the user clicks text covered by one or more tags, innermost first.
   * @default undefined
   */
  onTagsClicked?: (ids: string[], event: MouseEvent) => void
}
