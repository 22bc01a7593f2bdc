/** A quote cut to 40 characters, for action descriptions in the undo history. */
export function shortQuote(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}
