const OPENING = '“"«„'
const CLOSING = '”"»“'

/**
 * A quote in curly quotes for user-visible text (“like this”), unless it is already wrapped in quotation marks:
 * a tag's text or a name can itself be “quoted”, and wrapping again would show ““this””. With `max`, the text
 * inside the marks is cut to that many characters with “…”, so the closing mark survives the cut.
 */
export function quoted(text: string, max = Infinity): string {
  const wrapped = text.length >= 2 && OPENING.includes(text[0]!) && CLOSING.includes(text[text.length - 1]!)
  const inner = wrapped ? text.slice(1, -1) : text
  const chars = [...inner]
  const shown = chars.length > max ? `${chars.slice(0, Math.max(0, max - 1)).join('')}…` : inner
  return wrapped ? `${text[0]}${shown}${text[text.length - 1]}` : `“${shown}”`
}
