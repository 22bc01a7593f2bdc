/** The fixed id of the adjudicated layer: every reviewer edits it, through decisions or directly. */
export const GOLD_LAYER = 'gold'

/** Whether a user may change a tag's content: their own layer and the shared gold layer; a colleague's coding stays theirs, so agreement compares what each coder coded. */
export function mayEdit(userId: string | null | undefined, annotatorId: string): boolean {
  return annotatorId === GOLD_LAYER || (!!userId && annotatorId === userId)
}
