import { describe, expect, it, vi } from 'vitest'
import { APP_PAGE_URL as RENDERER } from '../../../src/main/app-protocol'
import { registerPathPicker, type PickerShell } from '../../../src/main/path-picker'
import { PICK_PATHS_CHANNEL } from '../../../src/shared/pick-paths'

// No Electron binary can run on the build machines: a fake dialog and window stand in for Electron's, and the
// handler is driven the way ipcMain would drive it.
const window = { id: 1 }
const sender = { id: 7 }

function setup(answer: { open?: { canceled: boolean; filePaths: string[] }; save?: { canceled: boolean; filePath: string } } = {}) {
  const dialog = {
    showOpenDialog: vi.fn(async (_window: unknown, _options: unknown) => answer.open ?? { canceled: false, filePaths: ['/home/ana/a.ann', '/home/ana/b.ann'] }),
    showSaveDialog: vi.fn(async (_window: unknown, _options: unknown) => answer.save ?? { canceled: false, filePath: '/home/ana/mine.spanpack' })
  }
  const windowOf = vi.fn((contents: unknown) => (contents === sender ? window : null))
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  registerPathPicker({ handle: (channel: string, fn: never) => handlers.set(channel, fn) } as never, { dialog, windowOf } as unknown as PickerShell, RENDERER)
  const pick = (input: unknown, frameUrl = RENDERER, from: unknown = sender) => handlers.get(PICK_PATHS_CHANNEL)!({ senderFrame: { url: frameUrl }, sender: from }, input)
  return { dialog, windowOf, handlers, pick }
}

describe('native path picker (fake electron module: no Electron binary can run here)', () => {
  it('registers one channel, and only that one', () => {
    expect([...setup().handlers.keys()]).toEqual([PICK_PATHS_CHANNEL])
  })

  it('opens a multi-file dialog modal to the asking window, with the filters, and answers the chosen files', async () => {
    const { dialog, windowOf, pick } = setup()
    const filters = [{ name: 'brat standoff', extensions: ['ann', 'txt'] }, { name: 'All files', extensions: ['*'] }]
    const result = await pick({ kind: 'open-files', title: 'Import brat standoff', filters, defaultPath: '/home/ana', multiple: true })
    expect(result).toEqual({ ok: true, value: ['/home/ana/a.ann', '/home/ana/b.ann'] })
    expect(windowOf).toHaveBeenCalledWith(sender)
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, { title: 'Import brat standoff', filters, defaultPath: '/home/ana', properties: ['openFile', 'multiSelections'] })
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('opens a single-file dialog unless several are asked for', async () => {
    const { dialog, pick } = setup({ open: { canceled: false, filePaths: ['/p/corpus.spanwise'] } })
    expect(await pick({ kind: 'open-files', title: 'Open a project' })).toEqual({ ok: true, value: ['/p/corpus.spanwise'] })
    expect(dialog.showOpenDialog.mock.calls[0]![1]).toMatchObject({ properties: ['openFile'] })
  })

  it('opens a folder dialog that can make a new folder', async () => {
    const { dialog, pick } = setup({ open: { canceled: false, filePaths: ['/home/ana/exports'] } })
    expect(await pick({ kind: 'open-folder', title: 'Choose where the new export folder goes', defaultPath: '/home/ana' })).toEqual({ ok: true, value: ['/home/ana/exports'] })
    expect(dialog.showOpenDialog).toHaveBeenCalledExactlyOnceWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }))
  })

  it('opens a save dialog for one new file, which asks before replacing one', async () => {
    const { dialog, pick } = setup()
    const filters = [{ name: 'Annotation pack', extensions: ['spanpack'] }]
    expect(await pick({ kind: 'save-file', title: 'Save my pack as', filters, defaultPath: '/home/ana/x.spanpack' })).toEqual({ ok: true, value: ['/home/ana/mine.spanpack'] })
    expect(dialog.showSaveDialog).toHaveBeenCalledExactlyOnceWith(window, {
      title: 'Save my pack as',
      filters,
      defaultPath: '/home/ana/x.spanpack',
      properties: ['createDirectory', 'showOverwriteConfirmation']
    })
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it.each([
    ['an open dialog', { kind: 'open-files', title: 'Open' }, { open: { canceled: true, filePaths: [] } }],
    ['a folder dialog', { kind: 'open-folder', title: 'Folder' }, { open: { canceled: true, filePaths: [] } }],
    ['a save dialog', { kind: 'save-file', title: 'Save' }, { save: { canceled: true, filePath: '' } }]
  ])('answers [] when %s is cancelled', async (_what, request, answer) => {
    expect(await setup(answer).pick(request)).toEqual({ ok: true, value: [] })
  })

  it.each([
    ['no input', undefined, '(input)'],
    ['a string', 'open-files', '(input)'],
    ['an unknown kind', { kind: 'open-anything', title: 'x' }, 'kind'],
    ['no title', { kind: 'open-files' }, 'title'],
    ['a blank title', { kind: 'open-files', title: '   ' }, 'title'],
    ['an extension with its dot', { kind: 'open-files', title: 'x', filters: [{ name: 'Packs', extensions: ['.spanpack'] }] }, 'filters.0.extensions.0'],
    ['an extension that is a pattern', { kind: 'open-files', title: 'x', filters: [{ name: 'Any', extensions: ['*.exe;*'] }] }, 'filters.0.extensions.0'],
    ['a NUL in the default path', { kind: 'save-file', title: 'x', defaultPath: '/tmp/a\u0000b' }, 'defaultPath'],
    ['several files from a save dialog', { kind: 'save-file', title: 'x', multiple: true }, 'multiple'],
    ['file types on a folder dialog', { kind: 'open-folder', title: 'x', filters: [{ name: 'Packs', extensions: ['spanpack'] }] }, 'filters'],
    ['an option the picker does not know', { kind: 'open-files', title: 'x', properties: ['openFile', 'showHiddenFiles'] }, '(input)'],
    ['a wrong type', { kind: 'open-files', title: 'x', multiple: 'yes' }, 'multiple']
  ])('refuses %s with VALIDATION naming the field, and opens no dialog', async (_what, input, field) => {
    const { dialog, windowOf, pick } = setup()
    const result = await pick(input)
    // a sentence naming the field for the user, the path for code
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^[A-Z][^:]+[ :].+\.$/), details: expect.arrayContaining([expect.objectContaining({ path: field })]) } })
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
    expect(windowOf).not.toHaveBeenCalled()
  })

  it.each([
    ['another origin', 'https://evil.example/'],
    ['an about:blank iframe', 'about:blank'],
    ['a data: page', 'data:text/html,<script>spanwise.pickPaths({})</script>'],
    ['another app:// host', 'app://evil/index.html'],
    ['a file:// page', 'file:///tmp/evil.html']
  ])('refuses a call from %s before reading the request, and opens no dialog', async (_what, url) => {
    const { dialog, pick } = setup()
    expect(await pick({ kind: 'open-files', title: 'Open' }, url)).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/unexpected frame/) } })
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('refuses a call whose frame or window is gone', async () => {
    const { dialog, handlers, pick } = setup()
    expect(await handlers.get(PICK_PATHS_CHANNEL)!({ senderFrame: null, sender }, { kind: 'open-files', title: 'Open' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await pick({ kind: 'open-files', title: 'Open' }, RENDERER, { id: 99 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/window .* is gone/) } })
    expect(dialog.showOpenDialog).not.toHaveBeenCalled()
  })

  it('answers a dialog that fails with INTERNAL, not a thrown error', async () => {
    const { dialog, pick } = setup()
    dialog.showOpenDialog.mockRejectedValueOnce(new Error('no display'))
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await pick({ kind: 'open-files', title: 'Open' })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('no display') } })
    logged.mockRestore()
  })
})
