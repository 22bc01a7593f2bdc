import { execFileSync, spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../../..')
const SERVE = join(ROOT, 'out', 'main', 'serve.js')

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
}, 180_000)

// the server itself is exercised by the e2e suite; these are the command-line answers that never start it
function serve(args: string[]) {
  const r = spawnSync(process.execPath, [SERVE, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('npm run serve command line', () => {
  it('--help prints every option and exits 0 without starting a server', () => {
    const r = serve(['--help'])
    expect(r.status).toBe(0)
    for (const option of ['--project', '--port', '--data-dir', '--backup-minutes']) expect(r.stdout).toContain(option)
    expect(r.stdout).not.toContain('Open http')
  })

  it('an unknown option exits 2 naming it, with the usage', () => {
    const r = serve(['--bogus'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain("Unknown option '--bogus'")
    expect(r.stderr).toContain('Usage: npm run serve')
  })

  it('a port out of range exits 2 saying what is allowed', () => {
    const r = serve(['--port', '70000'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('--port must be a number from 0 to 65535, not "70000"')
  })
})
