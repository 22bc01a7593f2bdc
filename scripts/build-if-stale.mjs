// Builds with electron-vite only when a source is newer than the last build, so `npm run cli` stays quick.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const stamp = join(root, 'out', '.build-stamp')
const quiet = process.argv.includes('--quiet')

function newest(path) {
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), s.mtimeMs)
}

const inputs = ['src', 'resources', 'electron.vite.config.ts', 'package.json', 'tsconfig.node.json', 'tsconfig.web.json'].map((p) => join(root, p))
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0
if (inputs.some((p) => existsSync(p) && newest(p) > built)) {
  if (!quiet) console.error('[build] sources changed; building…')
  execSync('npx electron-vite build', { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' })
  writeFileSync(stamp, new Date().toISOString())
}
