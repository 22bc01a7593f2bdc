import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppInfo } from '@shared/domain'
import { api } from './api/client'
import type { DamagedProject } from '@shared/backups/backup-entry'
import { Notices } from './components/Notices'
import { setCodebook } from './labels'
import { setMe } from './me'
import { SaveIndicator } from './components/SaveIndicator'
import { notify, notifyError } from './state/notices'
import { ActorsView } from './views/actors/ActorsView'
import { ArticleView } from './views/article/ArticleView'
import { askForArticle, type ArticleRequests } from './views/article/askForArticle'
import { CodebookView } from './views/codebook/CodebookView'
import { CorpusView } from './views/corpus/CorpusView'
import { CorpusReview } from './views/review/CorpusReview'
import { AgreementView } from './views/review/AgreementView'
import { filesFromDrop, toSources } from './views/corpus/readDroppedFiles'
import { startImport } from './views/corpus/importState'
import { ExportDialog } from './views/exchange/ExportDialog'
import { ImportTaggedDialog } from './views/exchange/ImportTaggedDialog'
import { PackExportDialog } from './views/exchange/PackExportDialog'
import { NameDialog } from './views/project/NameDialog'
import { ProjectDialog } from './views/project/ProjectDialog'
import { BackupsDialog } from './views/project/BackupsDialog'
import { RecoveryDialog } from './views/project/RecoveryDialog'

type Route =
  | { view: 'corpus' }
  | { view: 'article'; id: number; review: boolean; requests?: ArticleRequests }
  | { view: 'review' }
  | { view: 'agreement' }
  | { view: 'actors'; id: string | null }
  | { view: 'codebook' }

/**
 * The route in the address. Navigating to an article asks for it here, before any view re-renders (switching to or
 * from review keeps the requests); on the first route, before the project is known, the article view asks itself.
 */
function parseRoute(previous?: Route): Route {
  const article = /^#\/article\/(\d+)(\/review)?$/.exec(location.hash)
  if (article) {
    const id = Number(article[1])
    const review = !!article[2]
    if (!previous) return { view: 'article', id, review }
    return { view: 'article', id, review, requests: previous.view === 'article' && previous.id === id ? previous.requests : askForArticle(id, review) }
  }
  if (location.hash === '#/review') return { view: 'review' }
  if (location.hash === '#/agreement') return { view: 'agreement' }
  // actor ids are UUIDs or "seed:<key>" for the seed registry
  const actors = /^#\/actors(?:\/([\w:.-]+))?$/.exec(location.hash)
  if (actors) return { view: 'actors', id: actors[1] ?? null }
  return location.hash === '#/codebook' ? { view: 'codebook' } : { view: 'corpus' }
}

/** Layout and routing: the corpus list, one article (#/article/<id>) or the codebook editor (#/codebook), with the project bar on top. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [route, setRoute] = useState<Route>(() => parseRoute())
  const routeRef = useRef(route)
  routeRef.current = route
  const [actorsKey, setActorsKey] = useState(0)
  const [projects, setProjects] = useState(false)
  const [backups, setBackups] = useState(false)
  const [damaged, setDamaged] = useState<DamagedProject | null>(null)
  const [exchange, setExchange] = useState<'export' | 'import' | 'pack-export' | 'pack-import' | null>(null)
  const [refreshKey, setRefreshKey] = useState(0)
  const [dragging, setDragging] = useState(false)
  const [renaming, setRenaming] = useState(false)

  const reload = useCallback(() => api.call('app.info', {}).then(setInfo, notifyError), [])
  useEffect(() => setMe(info?.user ?? null), [info])
  useEffect(() => {
    api.call('app.info', {}).then((first) => {
      setInfo(first)
      if (first.damaged) setDamaged(first.damaged)
      else if (first.startupNotice) notify('error', first.startupNotice)
    }, notifyError)
  }, [])
  useEffect(() => {
    const onHash = () => {
      routeRef.current = parseRoute(routeRef.current)
      setRoute(routeRef.current)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(
    () =>
      api.on('project.changed', (e) => {
        if (e.what === 'actors') setActorsKey((k) => k + 1)
        else if (e.what !== 'annotations') setRefreshKey((k) => k + 1)
        if (e.what === 'project') void reload()
      }),
    [reload]
  )

  // the project's codebook supplies labels, hotkeys, colours and guidelines; views wait for it
  const projectPath = info?.project?.path ?? null
  const [codebookFor, setCodebookFor] = useState<string | null>(null)
  useEffect(() => {
    if (projectPath === null) return
    let live = true
    api.call('codebook.get', {}).then((cb) => {
      if (!live) return
      setCodebook(cb)
      setCodebookFor(projectPath)
    }, notifyError)
    return () => {
      live = false
    }
  }, [projectPath, refreshKey])

  const open = (id: number | null) => {
    location.hash = id === null ? '#/' : `#/article/${id}`
  }
  const projectSwitched = () => {
    setProjects(false)
    open(null)
    void reload()
    setRefreshKey((k) => k + 1)
  }

  if (!info) return <div className="empty">Starting Spanwise…</div>
  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return
        e.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={(e) => {
        e.preventDefault()
        setDragging(false)
        filesFromDrop(e.dataTransfer, !!api.pathForFile)
          .then((files) => toSources(files, api.pathForFile))
          .then((sources) => startImport(sources))
          .then(() => open(null))
          .catch(notifyError)
      }}
    >
      <header className="topbar">
        <strong className="brand">Spanwise</strong>
        <button type="button" className="project-button" onClick={() => setProjects(true)} title={info.project?.path}>
          {info.project ? info.project.name : 'No project'} ▾
        </button>
        <nav className="topnav" aria-label="Views">
          <a href="#/" aria-current={route.view === 'corpus' ? 'page' : undefined}>
            Corpus
          </a>
          <a href="#/actors" aria-current={route.view === 'actors' ? 'page' : undefined}>
            Actors
          </a>
          <a href="#/review" aria-current={route.view === 'review' ? 'page' : undefined}>
            Review
          </a>
          <a href="#/agreement" aria-current={route.view === 'agreement' ? 'page' : undefined}>
            Agreement
          </a>
        </nav>
        <button type="button" aria-current={route.view === 'codebook' ? 'page' : undefined} onClick={() => (location.hash = '#/codebook')} disabled={!info.project}>
          Codebook
        </button>
        <button type="button" onClick={() => setExchange('import')} disabled={!info.project}>
          Import tagged…
        </button>
        <button type="button" onClick={() => setExchange('export')} disabled={!info.project}>
          Export…
        </button>
        <button type="button" onClick={() => setExchange('pack-export')} disabled={!info.project || !info.user}>
          Export my pack…
        </button>
        <button type="button" onClick={() => setExchange('pack-import')} disabled={!info.project}>
          Import colleague’s pack…
        </button>
        <SaveIndicator />
        <button type="button" className="user" title={`${info.user?.name ?? ''}: your name, recorded on your tags (click to change it)`} onClick={() => setRenaming(true)} disabled={!info.user}>
          {info.user?.name}
        </button>
      </header>
      <main>
        {info.project === null ? (
          <div className="empty">No project is open.</div>
        ) : codebookFor !== info.project.path ? (
          <div className="empty">Opening the project…</div>
        ) : route.view === 'codebook' ? (
          <CodebookView onClose={() => open(null)} />
        ) : route.view === 'corpus' ? (
          <CorpusView onOpen={open} refreshKey={refreshKey} />
        ) : route.view === 'actors' ? (
          <ActorsView actorId={route.id} refreshKey={actorsKey} />
        ) : route.view === 'review' ? (
          <CorpusReview refreshKey={refreshKey} />
        ) : route.view === 'agreement' ? (
          <AgreementView refreshKey={refreshKey} />
        ) : (
          <ArticleView articleId={route.id} review={route.review} requests={route.requests} onBack={() => open(null)} />
        )}
      </main>
      {dragging && <div className="drop-hint">Drop files or folders to import them</div>}
      {(!info.user || renaming) && (
        <NameDialog
          initial={info.user?.name}
          onCancel={info.user ? () => setRenaming(false) : undefined}
          onSubmit={async (name) => {
            setInfo(await api.call('user.setName', { name }))
            setRenaming(false)
            // lists that name coders (review, agreement) read them again
            if (info.user && info.project) setRefreshKey((k) => k + 1)
          }}
        />
      )}
      {projects && (
        <ProjectDialog
          info={info}
          onClose={() => setProjects(false)}
          onDone={projectSwitched}
          onBackups={() => (setProjects(false), setBackups(true))}
          onDamaged={(d) => (setProjects(false), setDamaged(d))}
        />
      )}
      {backups && <BackupsDialog onClose={() => setBackups(false)} onRestored={() => (setBackups(false), projectSwitched())} />}
      {damaged && <RecoveryDialog damaged={damaged} onClose={() => setDamaged(null)} onDone={() => (setDamaged(null), projectSwitched())} />}
      {exchange === 'export' && info.project && <ExportDialog projectPath={info.project.path} projectName={info.project.name} onClose={() => setExchange(null)} />}
      {exchange === 'pack-export' && info.project && info.user && (
        <PackExportDialog projectPath={info.project.path} projectName={info.project.name} userName={info.user.name} onClose={() => setExchange(null)} />
      )}
      {(exchange === 'import' || exchange === 'pack-import') && info.project && (
        <ImportTaggedDialog
          userName={info.user?.name ?? ''}
          initialFormat={exchange === 'pack-import' ? 'pack' : undefined}
          onClose={() => setExchange(null)}
          onImported={() => {
            setRefreshKey((k) => k + 1)
          }}
        />
      )}
      <Notices />
    </div>
  )
}
