// Makes sure better-sqlite3 is compiled for the runtime about to use it: Node (tests, CLI, browser mode) or Electron.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const target = process.argv[2]
const quiet = process.argv.includes('--quiet')
const marker = new URL('../node_modules/better-sqlite3/build/Release/.spanwise-runtime', import.meta.url)
const log = (msg) => quiet || console.error(`[native] ${msg}`)

if (target === 'node') {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { encoding: 'utf8' })
  if (probe.status === 0) process.exit(0)
  log('better-sqlite3 is not built for this Node; rebuilding from source (about a minute)…')
  execSync('npm rebuild better-sqlite3', { stdio: quiet ? 'ignore' : 'inherit' })
  writeFileSync(marker, 'node')
} else if (target === 'electron') {
  const version = createRequire(import.meta.url)('electron/package.json').version
  if (existsSync(marker) && readFileSync(marker, 'utf8') === `electron-${version}`) process.exit(0)
  log(`rebuilding better-sqlite3 for Electron ${version} (needs the Electron headers from the network)…`)
  execSync(`npm rebuild better-sqlite3 --runtime=electron --target=${version} --dist-url=https://electronjs.org/headers`, { stdio: 'inherit' })
  writeFileSync(marker, `electron-${version}`)
} else {
  console.error('usage: node scripts/native.mjs node|electron [--quiet]')
  process.exit(2)
}
