import { quoted } from '@shared/text/quoted'

/** The ids typed into an article-ids box, and the first entry that is not one. */
export function parseArticleIds(value: string): { ids: number[]; bad: string | undefined } {
  const parts = value.split(/[\s,]+/).filter(Boolean)
  return { ids: parts.map(Number), bad: parts.find((p) => !/^[1-9]\d*$/.test(p)) }
}

/** A box for article ids (the numbers in an article's address), with the error said under it. */
export function ArticleIdsField({ value, onChange, label }: { value: string; onChange: (value: string) => void; label: string }) {
  const { bad } = parseArticleIds(value)
  return (
    <>
      <label>
        {label}
        <input aria-label="Article ids" value={value} onChange={(e) => onChange(e.target.value)} placeholder="e.g. 3, 8, 12" />
      </label>
      {bad && <p className="error">{quoted(bad)} is not an article id; use the numbers shown in the article’s address (#/article/12).</p>}
    </>
  )
}
