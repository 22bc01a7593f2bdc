// Runs Electronegativity over the built app (out/) and fails on any finding that security-scan-allowlist.json
// does not explain. Usage: node scripts/security-scan.mjs [--input dir] [--allowlist file]
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { explainFindings } from './explain-findings.mjs'

const root = new URL('..', import.meta.url).pathname
const require = createRequire(import.meta.url)
const { values } = parseArgs({
  options: { input: { type: 'string', default: join(root, 'out') }, allowlist: { type: 'string', default: join(root, 'scripts', 'security-scan-allowlist.json') } }
})
const input = resolve(values.input)
if (!existsSync(input)) {
  console.error(`[security-scan] ${input} does not exist: build first (node scripts/build-if-stale.mjs)`)
  process.exit(2)
}
const allowlist = JSON.parse(readFileSync(values.allowlist, 'utf8')).accepted

const run = require('@doyensec/electronegativity')
const result = await run(
  {
    input,
    isRelative: true,
    // the TypeScript sources use syntax its parser predates, so it reads the build; the version drives its defaults
    electronVersionOverride: require('electron/package.json').version,
    // it needs a package.json naming electron, which out/ lacks, and it would download Electron's release list
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
  },
  false
)

const unreadable = result.errors.filter((e) => !e.tolerable)
const issues = result.issues.map((i) => ({ id: i.id, file: i.file, line: i.location.line, severity: i.severity.name, confidence: i.confidence.name, sample: i.sample, description: i.description }))
const { explained, unexplained, stale, problems } = explainFindings(issues, allowlist)

for (const { issue } of explained) console.log(`[security-scan] accepted ${issue.id} (${issue.severity}) in ${issue.file}, as explained in the allowlist`)
const failures = [
  ...problems,
  ...unreadable.map((e) => `could not parse ${e.file} (${e.message}), so it was not scanned`),
  ...unexplained.map(
    (i) => `${i.id} (${i.severity}, ${i.confidence}) in ${i.file}:${i.line}: ${i.description}${i.sample ? `\n    ${String(i.sample).slice(0, 300)}` : ''}`
  ),
  ...stale.map((e) => `the allowlist entry for ${e.id} in ${e.file} matches no finding any more: remove it`)
]
if (failures.length > 0) {
  console.error(`[security-scan] ${failures.length} problem(s); fix the code, or explain an accepted finding in ${values.allowlist}:`)
  for (const f of failures) console.error(`  - ${f}`)
  process.exit(1)
}
console.log(`[security-scan] ${issues.length} finding(s) in ${input}, all explained (${result.atomicChecks} atomic and ${result.globalChecks} global checks)`)
