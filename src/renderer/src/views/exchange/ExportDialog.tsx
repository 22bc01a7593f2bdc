import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { notifyError } from '../../state/notices'
import { ArticleIdsField, parseArticleIds } from './ArticleIdsField'
import { ANNOTATION_STATUSES, ARTICLE_STATUSES } from '@shared/domain'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat, offsetsSentence } from '@shared/exchange/exchange-formats'
import { BrowseButton } from '../../components/BrowseButton'
import { useLabels } from '../../labels'
import { defaultDestination } from './defaultDestination'
import { ExchangeDialog } from './ExchangeDialog'
import { ExportButton } from './ExportButton'
import { plural } from '@shared/plural'
import { ExportJobStatus } from './ExportJobStatus'
import { splitPath } from './splitPath'
import { useExportJob } from './useExportJob'

/** Choose a format and what to include, then export to a new folder with a progress bar; the folder appears only when complete. */
export function ExportDialog({ projectPath, projectName, onClose }: { projectPath: string; projectName: string; onClose: () => void }) {
  const labels = useLabels()
  const [format, setFormat] = useState<ExportFormat>('native')
  const [destination, setDestination] = useState(() => defaultDestination(projectPath, projectName, 'native'))
  const [edited, setEdited] = useState(false)
  const [chosenLabels, setChosenLabels] = useState<string[]>([])
  const [statuses, setStatuses] = useState<string[]>([])
  const [articleStatuses, setArticleStatuses] = useState<string[]>([])
  const [annotators, setAnnotators] = useState('')
  const [articleIds, setArticleIds] = useState('')
  const [words, setWords] = useState('')
  const [source, setSource] = useState('')
  const [language, setLanguage] = useState('')
  const [facets, setFacets] = useState<{ sources: string[]; languages: string[] }>({ sources: [], languages: [] })
  useEffect(() => {
    api.call('articles.facets', {}).then(setFacets, notifyError)
  }, [])
  const ids = parseArticleIds(articleIds)
  const [quotes, setQuotes] = useState(true)
  const [bom, setBom] = useState(false)
  const [overwrite, setOverwrite] = useState(false)
  const job = useExportJob()
  const { progress, start: startJob } = job
  const info = EXPORT_FORMAT_INFO[format]
  const place = splitPath(destination)
  const folderName = place.name || splitPath(defaultDestination(projectPath, projectName, format)).name
  const toggle = (list: string[], set: (l: string[]) => void, value: string) => set(list.includes(value) ? list.filter((v) => v !== value) : [...list, value])

  const start = () =>
    startJob({
      format,
      destination,
      quotes,
      bom,
      overwrite,
      filter: {
        labels: chosenLabels.length ? chosenLabels : undefined,
        statuses: statuses.length ? (statuses as never) : undefined,
        articleStatuses: articleStatuses.length ? (articleStatuses as never) : undefined,
        articleIds: ids.ids.length ? ids.ids : undefined,
        text: words.trim() || undefined,
        sources: source ? [source] : undefined,
        languages: language ? [language] : undefined,
        annotators: annotators.trim() ? annotators.split(',').map((a) => a.trim()).filter(Boolean) : undefined
      }
    })

  return (
    <ExchangeDialog
      title="Export"
      busy={progress !== null}
      onClose={onClose}
      onSubmit={() => void start()}
      actions={<ExportButton job={job} label="Export" ready={!!destination.trim() && !ids.bad} />}
    >
      <label>
        Format
        <select
          aria-label="Format"
          value={format}
          onChange={(e) => {
            const f = e.target.value as ExportFormat
            setFormat(f)
            if (!edited) setDestination(defaultDestination(projectPath, projectName, f))
          }}
        >
          {/* a pack is one file with your tags only: it has its own dialog, "Export my pack…" */}
          {EXPORT_FORMATS.filter((f) => f !== 'pack').map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMAT_INFO[f].title}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">
        {info.summary} {offsetsSentence(info.unit)}
      </p>
      {info.drops.length > 0 && (
        <div className="hint" aria-label="What this format cannot carry">
          Cannot carry: {info.drops.join('; ')}.
        </div>
      )}
      <fieldset className="export-articles">
        <legend>Articles (empty: all)</legend>
        <label>
          Title or text holds
          <input value={words} onChange={(e) => setWords(e.target.value)} placeholder='words or a "quoted phrase", as in the corpus search' />
        </label>
        <div className="row">
          <FacetSelect name="Source" all="All sources" values={facets.sources} value={source} onChange={setSource} />
          <FacetSelect name="Language" all="All languages" values={facets.languages} value={language} onChange={setLanguage} />
        </div>
        <div className="row" role="group" aria-label="Article status">
          <span>Status:</span>
          {ARTICLE_STATUSES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" checked={articleStatuses.includes(s)} onChange={() => toggle(articleStatuses, setArticleStatuses, s)} /> {s.replace('_', ' ')}
            </label>
          ))}
        </div>
        <ArticleIdsField value={articleIds} onChange={setArticleIds} label="Article ids (comma-separated)" />
      </fieldset>
      <fieldset>
        <legend>Labels (none ticked: all)</legend>
        {labels.map((l) => (
          <label key={l.name} className="check">
            <input type="checkbox" checked={chosenLabels.includes(l.name)} onChange={() => toggle(chosenLabels, setChosenLabels, l.name)} /> {l.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Tag status (none ticked: all)</legend>
        {ANNOTATION_STATUSES.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" checked={statuses.includes(s)} onChange={() => toggle(statuses, setStatuses, s)} /> {s.replace('_', ' ')}
          </label>
        ))}
      </fieldset>
      <label>
        Coders (names, comma-separated; empty: all)
        <input aria-label="Coders" value={annotators} onChange={(e) => setAnnotators(e.target.value)} placeholder="e.g. Ana, Ben" />
      </label>
      <div className="row">
        <label className="check">
          <input type="checkbox" checked={quotes} onChange={(e) => setQuotes(e.target.checked)} /> Include each span’s text
        </label>
        {format === 'csv' && (
          <label className="check">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} /> Byte-order mark for Excel
          </label>
        )}
        <label className="check">
          <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Replace an earlier export in that folder
        </label>
      </div>
      <label>
        New folder
        <span className="path-field">
          <input
            aria-label="Export folder"
            value={destination}
            onChange={(e) => {
              setEdited(true)
              setDestination(e.target.value)
              job.dismiss()
            }}
          />
          {/* the export makes the folder itself, so the dialog picks where it goes and the typed name stays */}
          <BrowseButton
            request={{ kind: 'open-folder', title: 'Choose where the new export folder goes', defaultPath: place.folder || undefined }}
            onPick={([folder]) => {
              setEdited(true)
              setDestination(`${folder}${splitPath(folder!).sep}${folderName}`)
              job.dismiss()
            }}
          >
            Choose folder…
          </BrowseButton>
        </span>
      </label>
      <ExportJobStatus
        job={job}
        busy="Exporting…"
        done={(r) => (
          <>
            Exported {plural(r.articles, 'article')} and {plural(r.annotations, 'tag')} to <code>{r.destination}</code>:{' '}
            {r.files.length > 6 ? `${r.files.length} files` : r.files.join(', ')}.
          </>
        )}
      />
    </ExchangeDialog>
  )
}

/** One of the corpus's values (a source, a language), or all of them. */
function FacetSelect({ name, all, values, value, onChange }: { name: string; all: string; values: string[]; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {name}{' '}
      <select aria-label={name} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {values.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
    </label>
  )
}
