import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script without type declarations
import { explainFindings } from '../../../scripts/explain-findings.mjs'
import { cleanupTemp, tempDir } from '../../helpers/project'

const SCRIPT = resolve(__dirname, '../../../scripts/security-scan.mjs')
const REASON = 'Reviewed: this origin serves only the built bundle, so the remark does not apply.'
const csp = { id: 'CSP_GLOBAL_CHECK', file: 'renderer/index.html', sample: "script-src 'self'" }

afterAll(cleanupTemp)

describe('explainFindings', () => {
  it('accepts a finding only with a matching entry, and reports the rest and stale entries', () => {
    const open = { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.js', sample: 'shell.openExternal(url)' }
    const result = explainFindings([csp, open], [{ ...csp, reason: REASON }, { id: 'SANDBOX_JS_CHECK', file: 'main/index.js', reason: REASON }])
    expect(result.explained).toEqual([{ issue: csp, reason: REASON }])
    expect(result.unexplained).toEqual([open])
    expect(result.stale.map((e: { id: string }) => e.id)).toEqual(['SANDBOX_JS_CHECK'])
    expect(result.problems).toEqual([])
  })

  it('does not accept the same check with another sample or in another file', () => {
    const weaker = { ...csp, sample: "script-src 'self' 'unsafe-inline'" }
    const elsewhere = { ...csp, file: 'renderer/other.html' }
    expect(explainFindings([weaker, elsewhere], [{ ...csp, reason: REASON }]).unexplained).toEqual([weaker, elsewhere])
  })

  it('refuses an entry without a real reason', () => {
    expect(explainFindings([csp], [{ ...csp, reason: 'ok' }]).problems).toHaveLength(1)
  })
})

describe('scripts/security-scan.mjs (runs Electronegativity for real)', () => {
  it('exits 1 and names each unexplained finding in an app that enables Node integration', async () => {
    const dir = tempDir('sw-scan-')
    const app = join(dir, 'app')
    mkdirSync(app)
    writeFileSync(join(app, 'main.js'), "const { BrowserWindow } = require('electron')\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })\n")
    writeFileSync(join(dir, 'allowlist.json'), JSON.stringify({ accepted: [] }))
    const run = promisify(execFile)(process.execPath, [SCRIPT, '--input', app, '--allowlist', join(dir, 'allowlist.json')])
    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error
    )
    expect(failure?.code).toBe(1)
    expect(failure?.stderr).toContain('NODE_INTEGRATION_JS_CHECK')
    expect(failure?.stderr).toContain('CONTEXT_ISOLATION_JS_CHECK')
    expect(failure?.stderr).toMatch(/fix the code, or explain an accepted finding/)
  }, 60_000)
})
