import { ArticleIdsField, parseArticleIds } from './ArticleIdsField'
import { useState } from 'react'
import { ARTICLE_STATUSES } from '@shared/domain'
import { PACK_EXTENSION } from '@shared/exchange/pack-format'
import { BrowseButton } from '../../components/BrowseButton'
import { defaultDestination } from './defaultDestination'
import { ExchangeDialog } from './ExchangeDialog'
import { ExportButton } from './ExportButton'
import { plural } from '@shared/plural'
import { ExportJobStatus } from './ExportJobStatus'
import { useExportJob } from './useExportJob'

/** Export my tags as one .spanpack file for a colleague: every article I coded, or the ones I choose; article texts only when asked. */
export function PackExportDialog({ projectPath, projectName, userName, onClose }: { projectPath: string; projectName: string; userName: string; onClose: () => void }) {
  const [destination, setDestination] = useState(() => `${defaultDestination(projectPath, `${projectName}-${userName}`, 'pack')}${PACK_EXTENSION}`)
  const [articleIds, setArticleIds] = useState('')
  const [articleStatuses, setArticleStatuses] = useState<string[]>([])
  const [includeText, setIncludeText] = useState(false)
  const [overwrite, setOverwrite] = useState(false)
  const job = useExportJob()
  const { progress, start: startJob } = job
  const { ids, bad: badId } = parseArticleIds(articleIds)

  const start = () =>
    startJob({
      format: 'pack',
      destination,
      includeText,
      overwrite,
      filter: { articleIds: ids.length ? ids : undefined, articleStatuses: articleStatuses.length ? (articleStatuses as never) : undefined }
    })

  return (
    <ExchangeDialog
      title="Export my pack"
      busy={progress !== null}
      onClose={onClose}
      onSubmit={() => void start()}
      actions={<ExportButton job={job} label="Export pack" ready={!!destination.trim() && !badId} />}
    >
      <p className="hint">
        Your tags only, as {userName}, with their links, attributes and notes, the codebook and each article’s fingerprint. A colleague imports the file as your layer; a newer pack
        from you later replaces it there, deletions included.
      </p>
      <ArticleIdsField value={articleIds} onChange={setArticleIds} label="Article ids (comma-separated; empty: every article you coded)" />
      <fieldset>
        <legend>Article status (none ticked: all)</legend>
        {ARTICLE_STATUSES.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={articleStatuses.includes(s)}
              onChange={() => setArticleStatuses(articleStatuses.includes(s) ? articleStatuses.filter((v) => v !== s) : [...articleStatuses, s])}
            />{' '}
            {s.replace('_', ' ')}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label className="check">
          <input type="checkbox" checked={includeText} onChange={(e) => setIncludeText(e.target.checked)} /> Include the article texts (for a colleague who lacks these articles)
        </label>
        <label className="check">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace an earlier pack of that name
        </label>
      </div>
      <label>
        Pack file
        <span className="path-field">
          <input
            aria-label="Pack file"
            value={destination}
            onChange={(e) => {
              setDestination(e.target.value)
              job.dismiss()
            }}
          />
          {/* Linux save dialogs do not add the extension, which the pack import looks for */}
          <BrowseButton
            request={{ kind: 'save-file', title: 'Save my pack as', filters: [{ name: 'Annotation pack', extensions: [PACK_EXTENSION.slice(1)] }], defaultPath: destination || undefined }}
            onPick={([file]) => {
              setDestination(file!.toLowerCase().endsWith(PACK_EXTENSION) ? file! : `${file}${PACK_EXTENSION}`)
              job.dismiss()
            }}
          >
            Choose file…
          </BrowseButton>
        </span>
      </label>
      <ExportJobStatus
        job={job}
        busy="Packing…"
        done={(r) => (
          <>
            Packed {plural(r.articles, 'article')} and {plural(r.annotations, 'tag')} into <code>{r.destination}</code>.
          </>
        )}
      />
    </ExchangeDialog>
  )
}
