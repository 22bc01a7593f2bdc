import type { EventPayload, MethodInput, MethodOutput, WorkbenchApi } from '@shared/contract'
import type { ErrorCode, Result } from '@shared/errors'
import type { EventName, MethodName } from '@shared/method-names'
import type { PickPathsRequest } from '@shared/pick-paths'
import type { PreloadBridge } from '../../../preload/bridge'

/** An error from main, with the stable code the UI switches on. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown
  ) {
    super(message)
  }
}

declare global {
  interface Window {
    spanwise?: PreloadBridge
  }
}

function unwrap<T>(result: Result<unknown>): T {
  if (result.ok) return result.value as T
  throw new ApiError(result.error.code, result.error.message, result.error.details)
}

/** What only the desktop app can do: null in browser mode, where a page gets no paths on disk. */
interface DesktopOnly {
  pathForFile: ((file: File) => string) | null
  /** A native file or folder dialog: the chosen paths, [] when cancelled. */
  pickPaths: ((request: PickPathsRequest) => Promise<string[]>) | null
}

/** The same API over Electron IPC (preload bridge) or, in browser mode, HTTP + Server-Sent Events. */
export function createApi(): WorkbenchApi & DesktopOnly {
  const bridge = window.spanwise
  if (bridge) {
    return {
      call: async <M extends MethodName>(method: M, input: MethodInput<M>) => unwrap<MethodOutput<M>>(await bridge.call(method, input)),
      on: <E extends EventName>(event: E, listener: (p: EventPayload<E>) => void) => bridge.on(event, listener as (p: unknown) => void),
      pathForFile: (file) => bridge.pathForFile(file),
      pickPaths: async (request) => unwrap<string[]>(await bridge.pickPaths(request))
    }
  }
  // keepalive only while the page is being left: it lets a last save outlive the page, and costs about a millisecond on every other call
  let leaving = false
  window.addEventListener('pagehide', () => (leaving = true))
  window.addEventListener('pageshow', () => (leaving = false))
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let source: EventSource | null = null
  const connect = () => {
    source = new EventSource('/api/events')
    source.onmessage = (e: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(e.data) as { event: string; payload: unknown }
      listeners.get(event)?.forEach((l) => l(payload))
    }
  }
  return {
    call: async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      let response: Response
      try {
        const body = JSON.stringify(input)
        // browsers allow keepalive below 64 KB
        const keepalive = (leaving || document.visibilityState === 'hidden') && body.length < 60_000
        response = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, keepalive })
      } catch {
        throw new ApiError('IO', 'Spanwise is not reachable: is `npm run serve` still running?')
      }
      if (response.status === 403) throw new ApiError('IO', 'This page lost its access token: open the URL printed by `npm run serve` again.')
      if (!response.headers.get('content-type')?.startsWith('application/json')) throw new ApiError('IO', `The server answered ${response.status} ${response.statusText}.`)
      return unwrap<MethodOutput<M>>((await response.json()) as Result<unknown>)
    },
    on: <E extends EventName>(event: E, listener: (p: EventPayload<E>) => void) => {
      if (!source) connect()
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (p: unknown) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (p: unknown) => void)
    },
    pathForFile: null,
    pickPaths: null
  }
}

export const api = createApi()
