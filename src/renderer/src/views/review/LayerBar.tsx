import { useCallback, useEffect, useRef, useState } from 'react'
import type { LayersState } from '@shared/contract'
import { api } from '../../api/client'
import { notifyError } from '../../state/notices'
import { useArticle } from '../article/articleContext'

/** Reloads after a burst of changes has settled, so the layer counts never compete with drawing the edit itself. */
const RELOAD_AFTER_MS = 250

/** The article's layers, reloaded whenever its tags change. */
export function useLayers(articleId: number) {
  const [state, setState] = useState<LayersState | null>(null)
  const shown = useRef('')
  // an edit that leaves the layers as they were (an attribute, a link, a note) re-renders nothing
  const show = useCallback((next: LayersState) => {
    const json = JSON.stringify(next)
    if (json === shown.current) return
    shown.current = json
    setState(next)
  }, [])
  const load = useCallback(() => api.call('review.layers', { articleId }).then(show, notifyError), [articleId, show])
  useEffect(() => {
    void load()
    let timer: ReturnType<typeof setTimeout> | undefined
    const off = api.on('project.changed', (e) => {
      if (e.articleId !== articleId && e.what !== 'project') return
      clearTimeout(timer)
      timer = setTimeout(() => void load(), RELOAD_AFTER_MS)
    })
    return () => {
      off()
      clearTimeout(timer)
    }
  }, [articleId, load])
  return { state, setState: show }
}

/** Who coded this article (with done marks), my "done" switch, and the way into and out of review. */
export function LayerBar({ layers, articleId, review }: { layers: ReturnType<typeof useLayers>; articleId: number; review: boolean }) {
  const { state: article, apply } = useArticle()
  const me = layers.state?.layers.find((l) => l.isMe)
  const done = !!me?.doneAt
  const toggleDone = async () => {
    try {
      const hidden = layers.state?.hiddenLayers ?? 0
      const next = await api.call('review.markDone', { articleId, done: !done })
      layers.setState(next)
      // finishing under blind coding reveals the colleagues' tags: draw them
      if (hidden > 0 && next.hiddenLayers === 0) {
        const all = await api.call('annotations.list', { articleId })
        apply({ articleId, description: '', upserted: all, removed: [], history: article.get().history })
      }
    } catch (error) {
      notifyError(error)
    }
  }
  return (
    <div className="layer-bar" aria-label="Layers" aria-busy={!layers.state}>
      {layers.state?.layers
        .filter((l) => l.tags > 0 || l.isMe)
        .map((l) => (
          <span key={l.annotatorId} className={`layer-chip${l.isGold ? ' gold' : ''}${l.isMe ? ' me' : ''}`} title={l.doneAt ? `Marked done ${new Date(l.doneAt).toLocaleString()}` : 'Not marked done'}>
            {l.isMe ? 'Me' : l.name} {l.tags}
            {l.doneAt && ' ✓'}
          </span>
        ))}
      <button type="button" aria-pressed={done} onClick={() => void toggleDone()} title="Mark this article done for you (under blind coding this shows your colleagues' tags)">
        {done ? '✓ Done' : 'Mark done'}
      </button>
      <a className="button-link" href={review ? `#/article/${articleId}` : `#/article/${articleId}/review`}>
        {review ? 'Back to tagging' : 'Review'}
      </a>
    </div>
  )
}
