import { SNIPPET_CLOSE, SNIPPET_OPEN } from '@shared/domain'

/** A search snippet with its matches marked: built from text nodes, never from HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(new RegExp(`[${SNIPPET_OPEN}${SNIPPET_CLOSE}]`))
  return (
    <span className="snippet">
      {parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>))}
    </span>
  )
}
