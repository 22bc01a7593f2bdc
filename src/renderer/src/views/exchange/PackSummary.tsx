import type { PackImportSummary } from '@shared/exchange/pack-format'
import { plural } from '@shared/plural'

/** What a pack import found and does to each colleague's layer: the packs, the tags added, replaced and removed, and the articles this project lacks. */
export function PackSummary({ pack, done }: { pack: PackImportSummary; done: boolean }) {
  const coders = [...new Set(pack.packs.map((p) => p.annotator.name))].join(', ')
  return (
    <div className="pack-summary" aria-label="Pack summary">
      <ul>
        {pack.packs.map((p) => (
          <li key={p.id}>
            {p.file}: {p.annotator.name}’s tags on {plural(p.articles, 'article')}, exported {new Date(p.createdAt).toLocaleString()}, codebook {p.codebook}
            {p.includesText ? ', with article texts' : ''}.
          </li>
        ))}
      </ul>
      <p>
        {coders}’s layer {done ? 'now has' : 'would get'}: {plural(pack.tagsAdded, 'new tag')}, {pack.tagsReplaced} replaced, {pack.tagsRemoved} removed. Your own tags are not touched.
        {pack.doneMarked > 0 && ` ${plural(pack.doneMarked, 'article')} marked done by ${coders}.`}
        {pack.doneCleared > 0 && ` ${plural(pack.doneCleared, 'article')} reopened (no longer marked done).`}
      </p>
      {pack.refused > 0 && <p className="error">{plural(pack.refused, 'article')} refused: a newer pack from the same colleague was imported for them before (listed below).</p>}
      {pack.missing.length > 0 && (
        <details>
          <summary>{plural(pack.missing.length, 'article')} not in this project</summary>
          <ul aria-label="Articles not in this project">
            {pack.missing.slice(0, 100).map((m) => (
              <li key={m.hash}>
                {m.title || m.hash.slice(0, 12)} {m.hasText ? '(the pack has its text: tick “Add the articles this project lacks”)' : '(no text in the pack)'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}
