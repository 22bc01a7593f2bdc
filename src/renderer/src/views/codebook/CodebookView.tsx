import { useCallback, useEffect, useState } from 'react'
import type { Codebook } from '@shared/codebook/codebook-schema'
import type { CodebookUsage, CodebookVersionInfo } from '@shared/codebook/codebook-versions'
import { api } from '../../api/client'
import { CodebookEditor } from './CodebookEditor'

export interface LoadedCodebook {
  saved: Codebook
  versions: CodebookVersionInfo[]
  usage: CodebookUsage
}

/** The codebook editor (#/codebook): loads the current version, its history and how tags use it. */
export function CodebookView({ onClose }: { onClose: () => void }) {
  const [loaded, setLoaded] = useState<LoadedCodebook | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const load = useCallback(
    () =>
      Promise.all([api.call('codebook.get', {}), api.call('codebook.versions', {}), api.call('codebook.usage', {})]).then(
        ([saved, versions, usage]) => setLoaded({ saved, versions, usage }),
        (e: Error) => setFailed(e.message)
      ),
    []
  )
  useEffect(() => void load(), [load])
  if (failed) return <div className="empty">Cannot open the codebook: {failed}</div>
  if (!loaded) return <div className="empty">Opening the codebook…</div>
  // a new version remounts the editor with a fresh draft
  return <CodebookEditor key={loaded.saved.version} {...loaded} onSaved={load} onClose={onClose} />
}
