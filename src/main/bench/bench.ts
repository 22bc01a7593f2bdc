import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { benchArticle } from './bench-article'
import { benchCorpus } from './bench-corpus'
import { benchExchange } from './bench-exchange'
import { benchReview } from './bench-review'
import { benchBackup } from './bench-backup'
import { benchImport } from './bench-import'
import { benchOccurrences } from './bench-occurrences'

// `npm run bench [-- --only import|article|occurrences|exchange|review|backup|corpus] [--quick]`: prints each figure next to a floor measured in the same run
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } })
  const quick = values.quick
  const runs = quick ? 3 : 5
  console.log(`Spanwise benchmarks — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}${quick ? ' (quick: smaller data)' : ''}`)
  const want = (name: string) => !values.only || values.only === name
  if (want('import')) await benchImport(join(__dirname, 'import-worker.js'), quick ? 2000 : 10_000, runs)
  if (want('article')) await benchArticle(__dirname, 2000, runs)
  if (want('occurrences')) benchOccurrences(quick ? 2000 : 10_000, runs)
  if (want('exchange')) benchExchange(quick ? 100_000 : 1_000_000, runs)
  if (want('review')) benchReview(quick ? 200 : 1000, 50, 2000, runs)
  if (want('backup')) await benchBackup(quick ? 2000 : 10_000, quick ? 20_000 : 100_000, runs)
  if (want('corpus')) await benchCorpus(join(__dirname, 'import-worker.js'), quick ? 20_000 : 100_000)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
