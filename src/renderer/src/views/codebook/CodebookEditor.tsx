import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CodebookMigration, CodebookOrphan } from '@shared/codebook/codebook-migration'
import { EMPTY_MIGRATION } from '@shared/codebook/codebook-migration'
import { type CodebookProblem, validateCodebook } from '@shared/codebook/validate-codebook'
import { api, ApiError } from '../../api/client'
import { notify, notifyError } from '../../state/notices'
import { type Draft, codebookOf, draftOf, recordedMigration } from './codebookDraft'
import type { LoadedCodebook } from './CodebookView'
import { legibilityWarning, OKABE_ITO } from './colorContrast'
import { codebookFileName, downloadJson } from './downloadJson'
import { addLabel } from './draftEdits'
import { EditorContext } from './editorContext'
import { GeneralEditor } from './GeneralEditor'
import { LabelEditor } from './LabelEditor'
import { LabelList } from './LabelList'
import { MigrationDialog } from './MigrationDialog'
import { mergeMigrations } from './mergeMigrations'
import { ProblemList } from './ProblemList'
import { RelationsEditor } from './RelationsEditor'
import { RulesEditor } from './RulesEditor'
import { type Selection, selectionOf } from './selection'
import { plural } from '@shared/plural'

interface Props extends LoadedCodebook {
  onSaved: () => Promise<void>
  onClose: () => void
}

// an unsaved draft survives leaving the editor (to look at an article) as long as no other version was saved
let parked: { baseVersion: number; draft: Draft; note: string } | null = null

const problemsOf = (details: unknown, key: 'problems' | 'orphans') =>
  details && typeof details === 'object' && Array.isArray((details as Record<string, unknown>)[key]) ? ((details as Record<string, unknown>)[key] as unknown[]) : null

/** Edits a draft of the codebook, validated live, and saves it as a new version, carrying tags over. */
export function CodebookEditor({ saved, versions, usage, onSaved, onClose }: Props) {
  const restored = parked?.baseVersion === saved.version ? parked : null
  const [draft, setDraft] = useState<Draft>(() => restored?.draft ?? draftOf(saved))
  const [note, setNote] = useState(restored?.note ?? '')
  const [selection, setSelection] = useState<Selection>({ kind: 'label', index: 0 })
  const [orphans, setOrphans] = useState<CodebookOrphan[] | null>(null)
  const [chosen, setChosen] = useState<CodebookMigration>(EMPTY_MIGRATION)
  const [imported, setImported] = useState<{ file: string; problems: CodebookProblem[] } | null>(null)
  const [busy, setBusy] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  const codebook = useMemo(() => codebookOf(draft), [draft])
  const original = useMemo(() => JSON.stringify(codebookOf(draftOf(saved))), [saved])
  const dirty = JSON.stringify(codebook) !== original
  const problems = useMemo(() => {
    const check = validateCodebook(codebook)
    return check.ok ? [] : check.problems
  }, [codebook])
  const edit = useCallback(
    (change: (d: Draft) => void) =>
      setDraft((d) => {
        const next = structuredClone(d)
        change(next)
        return next
      }),
    []
  )
  const context = useMemo(() => ({ draft, edit, problems, usage }), [draft, edit, problems, usage])

  const latest = useRef({ draft, note, dirty })
  latest.current = { draft, note, dirty }
  useEffect(
    () => () => {
      const { dirty: unsaved, draft: last, note: lastNote } = latest.current
      parked = unsaved ? { baseVersion: saved.version, draft: last, note: lastNote } : null
    },
    [saved.version]
  )

  const canSave = dirty && problems.length === 0 && !busy
  // a reload or a closed window would lose the draft (leaving the page in the app keeps it): the browser asks first
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  const saveKey = useRef<() => void>(() => {})
  saveKey.current = () => canSave && void save(EMPTY_MIGRATION)
  // Ctrl+S anywhere on the page: focus is often on the body after a button that removed itself (Remove attribute)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's') return
      e.preventDefault()
      saveKey.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  const save = async (more: CodebookMigration) => {
    setBusy(true)
    try {
      const migration = mergeMigrations(recordedMigration(draft), more)
      const r = await api.call('codebook.save', { codebook, note, migration, baseVersion: saved.version })
      const carried = [r.relabelled && `${r.relabelled} relabelled`, r.retagged - r.relabelled > 0 && `${r.retagged - r.relabelled} recoded`, r.deleted && `${r.deleted} deleted`].filter(Boolean)
      notify('info', `Saved codebook version ${r.version}${carried.length ? `; tags: ${carried.join(', ')}` : ''}.`)
      parked = null
      setOrphans(null)
      latest.current.dirty = false
      await onSaved()
    } catch (error) {
      const found = error instanceof ApiError && error.code === 'VALIDATION' ? problemsOf(error.details, 'orphans') : null
      if (found) {
        setChosen(more)
        setOrphans(found as CodebookOrphan[])
      } else notifyError(error)
    } finally {
      setBusy(false)
    }
  }

  const importFile = async (file: File) => {
    try {
      const cb = await api.call('codebook.import', { json: await file.text() })
      setDraft(draftOf({ ...cb, version: saved.version }, saved))
      setImported(null)
      setSelection({ kind: 'general' })
      notify('info', `Read ${file.name}: review it, then save it as version ${saved.version + 1}.`)
    } catch (error) {
      const found = error instanceof ApiError ? problemsOf(error.details, 'problems') : null
      if (found) setImported({ file: file.name, problems: found as CodebookProblem[] })
      else notifyError(error)
    }
  }

  const exportVersion = (version: number) =>
    (version === saved.version ? Promise.resolve(saved) : api.call('codebook.get', { version })).then((cb) => downloadJson(codebookFileName(cb.name, cb.version), cb), notifyError)

  const addNewLabel = () => {
    const index = draft.labels.length
    // the first palette colour not taken yet, preferring those that are easy to see
    const free = OKABE_ITO.filter((c) => !draft.labels.some((l) => l.color.toLowerCase() === c.hex.toLowerCase()))
    const color = (free.find((c) => legibilityWarning(c.hex) === null) ?? free[0] ?? OKABE_ITO[0]!).hex
    edit((d) => void addLabel(d, color))
    setSelection({ kind: 'label', index })
    requestAnimationFrame(() => document.getElementById(`label-${index}-name`)?.focus())
  }

  const shown: Selection = selection.kind === 'label' && !draft.labels[selection.index] ? { kind: 'general' } : selection
  return (
    <EditorContext.Provider value={context}>
      <div className="codebook-view">
        <header className="cb-toolbar">
          <button type="button" onClick={onClose}>
            ← Corpus
          </button>
          <div className="cb-title">
            <h1>Codebook</h1>
            <div className="meta" title={saved.name}>
              version {saved.version} · {saved.name}
            </div>
          </div>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import JSON…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Codebook file to import"
            onChange={(e) => {
              const file = e.target.files?.[0]
              e.target.value = ''
              if (file) void importFile(file)
            }}
          />
          <button type="button" onClick={() => void exportVersion(saved.version)}>
            Export JSON
          </button>
          <span className="spacer" />
          <span className={`cb-status${problems.length ? ' error' : ''}`} role="status">
            {problems.length ? `${plural(problems.length, 'problem')}: fix to save` : dirty ? 'Unsaved changes' : 'No changes'}
          </span>
          <input className="cb-note" type="text" aria-label="Version note" placeholder="What changed? (kept with the version)" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" disabled={!dirty || busy} onClick={() => setDraft(draftOf(saved))}>
            Discard changes
          </button>
          <button type="button" className="primary" disabled={!canSave} title="Ctrl+S" onClick={() => void save(EMPTY_MIGRATION)}>
            {busy ? 'Saving…' : `Save as version ${saved.version + 1}`}
          </button>
        </header>
        {imported && (
          <ProblemList
            title={`${imported.file} cannot be imported (${plural(imported.problems.length, 'problem')}); nothing was changed:`}
            problems={imported.problems}
            alert
            onDismiss={() => setImported(null)}
          />
        )}
        {problems.length > 0 && <ProblemList title="Problems in this draft:" problems={problems} onPick={(p) => setSelection(selectionOf(p.path))} />}
        <div className="cb-body">
          <LabelList selection={shown} onSelect={setSelection} onAddLabel={addNewLabel} />
          <div className="cb-main">
            {shown.kind === 'general' && <GeneralEditor versions={versions} onExport={(v) => void exportVersion(v)} />}
            {shown.kind === 'label' && (
              <LabelEditor
                key={`${shown.index}:${shown.attribute}`}
                index={shown.index}
                openAttribute={shown.attribute}
                onSelect={(i) => setSelection(i === null ? { kind: 'general' } : { kind: 'label', index: i })}
              />
            )}
            {shown.kind === 'relations' && <RelationsEditor />}
            {shown.kind === 'rules' && <RulesEditor />}
          </div>
        </div>
        {orphans && <MigrationDialog orphans={orphans} codebook={codebook} busy={busy} onCancel={() => setOrphans(null)} onConfirm={(m) => void save(mergeMigrations(chosen, m))} />}
      </div>
    </EditorContext.Provider>
  )
}
