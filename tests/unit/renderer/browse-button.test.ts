import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PreloadBridge } from '../../../src/preload/bridge'

// React's act() warns unless the environment says it is a test
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
const REQUEST = { kind: 'open-files', title: 'Import brat standoff', multiple: true } as const
let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  delete window.spanwise
  vi.resetModules()
})

// the api client reads window.spanwise once, when first imported, as the app does at start
async function render(bridge: Partial<PreloadBridge> | null, props: { onPick: (paths: string[]) => void; onError?: (e: Error) => void }) {
  if (bridge) window.spanwise = bridge as PreloadBridge
  const { BrowseButton } = await import('@renderer/components/BrowseButton')
  const host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
  await act(async () => root!.render(createElement(BrowseButton, { request: REQUEST, children: 'Choose files…', ...props })))
  return host
}
const click = async (host: HTMLElement) => act(async () => host.querySelector('button')!.click())

describe('BrowseButton', () => {
  it('renders nothing in browser mode, where the page has no bridge and paths are typed', async () => {
    const host = await render(null, { onPick: vi.fn() })
    expect(host.innerHTML).toBe('')
  })

  it('in the desktop app, asks the bridge with its request and hands over the chosen paths', async () => {
    const pickPaths = vi.fn(async () => ({ ok: true as const, value: ['/home/ana/a.ann', '/home/ana/b.ann'] }))
    const onPick = vi.fn()
    const host = await render({ pickPaths }, { onPick })
    expect(host.querySelector('button')!.textContent).toBe('Choose files…')
    await click(host)
    expect(pickPaths).toHaveBeenCalledExactlyOnceWith(REQUEST)
    expect(onPick).toHaveBeenCalledExactlyOnceWith(['/home/ana/a.ann', '/home/ana/b.ann'])
    expect(host.querySelector('button')!.disabled).toBe(false)
  })

  it('leaves the field alone when the dialog is cancelled', async () => {
    const onPick = vi.fn()
    const host = await render({ pickPaths: async () => ({ ok: true, value: [] }) }, { onPick })
    await click(host)
    expect(onPick).not.toHaveBeenCalled()
  })

  it('reports a refused request with its code instead of picking', async () => {
    const onPick = vi.fn()
    const onError = vi.fn()
    const host = await render({ pickPaths: async () => ({ ok: false, error: { code: 'VALIDATION', message: 'Invalid input for dialog:pickPaths: title: Required' } }) }, { onPick, onError })
    await click(host)
    expect(onPick).not.toHaveBeenCalled()
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('title') })
  })
})
