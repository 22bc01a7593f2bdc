import { useState, type ReactNode } from 'react'
import type { PickPathsRequest } from '@shared/pick-paths'
import { api } from '../api/client'
import { notifyError } from '../state/notices'

/**
 * A button beside a typed path field that opens the native file or folder dialog and hands over the chosen paths
 * (never an empty list). Renders nothing in browser mode, where a page cannot be given paths and typing stays the way.
 */
export function BrowseButton({
  children,
  request,
  onPick,
  onError = notifyError,
  disabled = false
}: {
  children: ReactNode
  request: PickPathsRequest
  onPick: (paths: string[]) => void
  onError?: (error: Error) => void
  disabled?: boolean
}) {
  const [open, setOpen] = useState(false)
  const pickPaths = api.pickPaths
  if (!pickPaths) return null
  const browse = () => {
    setOpen(true)
    pickPaths(request)
      .then((paths) => {
        if (paths.length > 0) onPick(paths)
      }, (e: Error) => onError(e))
      .finally(() => setOpen(false))
  }
  return (
    <button type="button" className="browse" onClick={browse} disabled={disabled || open} title={request.title}>
      {children}
    </button>
  )
}
