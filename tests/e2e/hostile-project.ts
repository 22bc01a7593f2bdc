/**
 * A project whose every user-visible string is text that looks like HTML or script, for the "imported text is
 * inert" tests. Each payload sets window.__pwned if it ever runs; none of them should.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dispatch } from '../../src/main/api/dispatch'
import { createHandlers } from '../../src/main/api/handlers'
import { Workbench } from '../../src/main/app/workbench'
import type { MethodInput, MethodOutput } from '../../src/shared/contract'
import type { MethodName } from '../../src/shared/method-names'
import { cpIndexOf } from '../helpers/project'
import { prepareProject, ROOT } from './fixtures'

export const SCRIPT = '<script>window.__pwned=1</script>'
export const IMG = '<img src=x onerror="window.__pwned=1">'
export const JS_URL = 'javascript:window.__pwned=1'
/** Runs if an XML file (opened in a browser) carries it unescaped: the XHTML namespace makes it a script. */
export const XHTML_SCRIPT = '<s:script xmlns:s="http://www.w3.org/1999/xhtml">__pwned=1</s:script>'
const LINK = `<a href="${JS_URL}">read more</a>`
const SVG = '<svg onload="window.__pwned=1"></svg>'
const IFRAME = '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>'
const TEMPLATE = "{{constructor.constructor('window.__pwned=1')()}}"
/** Every kind at once, for the longer fields. */
export const PAYLOAD = [SCRIPT, IMG, LINK, SVG, IFRAME, XHTML_SCRIPT, TEMPLATE].join(' ')

export const TITLE = `Breakwater report ${SCRIPT} ${IMG}`
export const TEXT = [
  `The breakwater council met on Monday. ${PAYLOAD}`,
  '',
  `Fishers said the ${IMG} repairs were late. See ${JS_URL} for details.`,
  '',
  `${XHTML_SCRIPT} ]]> --> <![CDATA[ "quoted" & 'single' ${TEMPLATE}`
].join('\n')
/** The import file's name becomes the article's file name, shown beside its source. */
export const FILE_NAME = '<img src=x onerror=window.__pwned=1>.jsonl'
/** A codebook label (names are at most 80 characters) with hotkey 9. */
export const LABEL = '<img src=x onerror=window.__pwned=1>'
export const CODEBOOK_NAME = `-->${XHTML_SCRIPT}`
export const ACTOR_NAME = `${IMG} Front`
/** Coder names: one prepared here, one typed into the name dialog by the test. */
export const CODER = '<img src=x onerror=window.__pwned=1>Ana'
export const APP_USER = '<script>window.__pwned=1</script>Zoe'

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>

/** Opens the project as one coder, through the same contract the app calls. */
async function openAs(dir: string, name: string, projectPath: string): Promise<{ call: Call; close: () => void }> {
  const wb = new Workbench({ mode: 'browser', dataDir: dir, resourcesDir: join(ROOT, 'resources'), workerPath: join(ROOT, 'out', 'main', 'import-worker.js'), emit: () => {} })
  wb.settings.setUserName(name)
  await wb.openInitial(projectPath)
  const handlers = createHandlers(wb)
  const call: Call = async (method, input) => {
    const result = await dispatch(handlers, method, input)
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`)
    return result.value as never
  }
  return { call, close: () => wb.close() }
}

/**
 * Imports the article (through the CLI, from a JSONL file), then, as coder CODER: a codebook label, codebook name
 * and version note, an actor, tags with notes, an attribute, an actor link, a comment and the article memo; and
 * as Ben a second, disagreeing layer, so review and agreement have something to show. Returns the project path.
 */
export async function buildHostileProject(dataDir: string): Promise<string> {
  const importDir = join(dataDir, 'hostile-import')
  mkdirSync(importDir, { recursive: true })
  const file = join(importDir, FILE_NAME)
  writeFileSync(file, `${JSON.stringify({ title: TITLE, text: TEXT, source: IMG, url: JS_URL, published: '2024-05-01', language: 'en', desk: PAYLOAD })}\n`)
  const projectPath = prepareProject(dataDir, [file])!

  const ana = await openAs(join(dataDir, 'coder-ana'), CODER, projectPath)
  try {
    const { id } = (await ana.call('articles.list', {})).rows[0]!
    const { text } = await ana.call('articles.get', { id })
    const span = (words: string) => ({ start: cpIndexOf(text, words), end: cpIndexOf(text, words) + Array.from(words).length })
    const codebook = await ana.call('codebook.get', {})
    const label = { name: LABEL, description: PAYLOAD, color: '#CC79A7', hotkey: '9', parent: null, order: codebook.labels.length, attributes: [] }
    await ana.call('codebook.save', { codebook: { ...codebook, name: CODEBOOK_NAME, description: PAYLOAD, labels: [...codebook.labels, label] }, note: PAYLOAD, baseVersion: codebook.version })
    const actor = await ana.call('actors.create', { fields: { name: ACTOR_NAME, notes: PAYLOAD }, aliases: [{ alias: SCRIPT }] })
    const tag = async (labelName: string, words: string, extra: { note?: string; attributes?: Record<string, unknown> } = {}) => {
      const created = (await ana.call('annotations.create', { articleId: id, label: labelName, fragments: [span(words)], note: extra.note })).upserted[0]!
      if (extra.attributes) await ana.call('annotations.update', { id: created.id, attributes: extra.attributes as never })
      return created.id
    }
    const council = await tag(LABEL, 'breakwater council', { note: PAYLOAD })
    await tag('Actor', 'Fishers', { note: PAYLOAD, attributes: { entity: actor.id } })
    await tag('Event', 'repairs', { attributes: { summary: PAYLOAD, location_text: IMG } })
    await ana.call('comments.add', { annotationId: council, body: PAYLOAD })
    await ana.call('articles.setNote', { id, note: PAYLOAD })
  } finally {
    ana.close()
  }

  const ben = await openAs(join(dataDir, 'coder-ben'), 'Ben', projectPath)
  try {
    const { id } = (await ben.call('articles.list', {})).rows[0]!
    const { text } = await ben.call('articles.get', { id })
    const at = (words: string) => [{ start: cpIndexOf(text, words), end: cpIndexOf(text, words) + Array.from(words).length }]
    await ben.call('annotations.create', { articleId: id, label: 'Actor', fragments: at('breakwater council'), note: SCRIPT })
    await ben.call('annotations.create', { articleId: id, label: 'Actor', fragments: at('Fishers') })
    await ben.call('annotations.create', { articleId: id, label: LABEL, fragments: at('repairs'), note: IMG })
  } finally {
    ben.close()
  }
  return projectPath
}
