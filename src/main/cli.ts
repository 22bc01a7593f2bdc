import { existsSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { userInfo } from 'node:os'
import { AppError } from '../shared/errors'
import { annotatedImportOptions, type AnnotatedImportReport } from '../shared/exchange/annotated-import'
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../shared/exchange/exchange-formats'
import { exportOptions } from '../shared/exchange/export-options'
import type { ExportResult } from '../shared/exchange/export-result'
import { buildAgreementReport } from '../shared/agreement/agreement-report'
import { reportToCsv } from '../shared/agreement/report-csv'
import { reportToHtml } from '../shared/agreement/report-html'
import { stableUuid } from './import/annotated/stable-uuid'
import { agreementInput } from './review/agreement-input'
import { JobRunner } from './jobs/job-runner'
import { createProjectDb, openProjectDb } from './store/open-project-db'
import { Store } from './store/store'
import { backupFolderOf } from './store/backup/backup-folder'
import { readManifest } from './store/backup/backup-manifest'
import { makeBackup } from './store/backup/make-backup'
import { findBackup, restoreBackup } from './store/backup/restore-backup'

import { plural } from '../shared/plural'
import { issueText } from '../shared/issue-text'
const USAGE = `Usage:
  npm run cli -- import <files or folders...> --project <file> [--encoding utf-8|windows-1252]
  npm run cli -- import --format <f> <files or folders...> --project <file> --annotator <name>
                 [--map <FileLabel>=<Label>]... [--create <FileLabel>]... [--skip-label <FileLabel>]...
                 [--skip-invalid] [--dry-run]
  npm run cli -- export --format <f> --project <file> --out <new folder>
                 [--labels A,B] [--annotators name,...] [--statuses draft,...] [--article-statuses done,...]
                 [--articles 1,2,...] [--sources S,...] [--languages es,...] [--search "words"]
                 [--no-quotes] [--bom] [--overwrite]
  npm run cli -- pack export --project <file> --out <file.spanpack> [--articles 1,2,...] [--include-text] [--overwrite]
  npm run cli -- pack import <file.spanpack...> --project <file> [--add-missing] [--force] [--dry-run]
                 [--map <FileLabel>=<Label>]... [--create <FileLabel>]... [--skip-label <FileLabel>]... [--skip-invalid]
  npm run cli -- agreement --project <file> [--annotators name,...] [--labels A,B] [--articles 1,2,...]
                 [--format json|csv|html] [--out <file>]
  npm run cli -- backup --project <file>            (a verified copy in <file>.backups)
  npm run cli -- backups --project <file>           (the verified backups, newest first)
  npm run cli -- restore --project <file> --backup <name>
  npm run cli -- articles --project <file>
  npm run cli -- annotations --project <file> [--article <id>]

Import formats (--format): ${IMPORT_FORMATS.join(', ')}. Without --format, import reads plain articles
(.txt, .md, .jsonl, .csv). Export formats: ${EXPORT_FORMATS.join(', ')}.
An annotated import is refused (nothing written) while any tag's label is not in the codebook and has no
--map/--create/--skip-label decision, or while any span cannot be placed (unless --skip-invalid).
A pack holds one coder's tags: pack export writes yours (SPANWISE_USER, else your login name), pack import
files a colleague's tags under their name and refuses your own pack and packs older than one already imported.
import creates the project when it does not exist. Output is JSON lines on stdout; messages go to stderr.
restore backs the current state up first; a project found damaged (moved aside on open) is restored in its place.
Exit codes: 0 success, 1 some inputs were rejected or the import was refused, 2 bad usage, 3 the project cannot be opened
(a damaged project is moved aside and exits 3; then restore a backup or open it in the app to salvage it).`

export const EXIT = { ok: 0, partial: 1, usage: 2, project: 3 } as const

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        encoding: { type: 'string', default: 'utf-8' },
        article: { type: 'string' },
        help: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        annotator: { type: 'string' },
        map: { type: 'string', multiple: true, default: [] },
        create: { type: 'string', multiple: true, default: [] },
        'skip-label': { type: 'string', multiple: true, default: [] },
        'skip-invalid': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        labels: { type: 'string' },
        annotators: { type: 'string' },
        statuses: { type: 'string' },
        'article-statuses': { type: 'string' },
        articles: { type: 'string' },
        sources: { type: 'string' },
        languages: { type: 'string' },
        search: { type: 'string' },
        'no-quotes': { type: 'boolean', default: false },
        bom: { type: 'boolean', default: false },
        overwrite: { type: 'boolean', default: false },
        'include-text': { type: 'boolean', default: false },
        'add-missing': { type: 'boolean' },
        force: { type: 'boolean', default: false },
        backup: { type: 'string' }
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || !command) {
    console.error(USAGE)
    return values.help ? EXIT.ok : EXIT.usage
  }
  // a mistyped command is bad usage: report it before opening (and perhaps migrating) the project
  if (!['import', 'export', 'pack', 'agreement', 'articles', 'annotations', 'backup', 'backups', 'restore'].includes(command)) throw new UsageError(`unknown command "${command}"`)
  if (command === 'pack' && rest[0] !== 'export' && rest[0] !== 'import') throw new UsageError('pack needs export or import: pack export --project <file> --out <file.spanpack>, or pack import <file.spanpack> --project <file>')
  if (!values.project) throw new UsageError(`${command} needs --project <file>`)
  const projectPath = resolve(values.project)
  const out = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`)

  if (command === 'backups') {
    for (const entry of readManifest(backupFolderOf(projectPath))) out(entry)
    return EXIT.ok
  }
  if (command === 'restore') {
    if (!values.backup) throw new UsageError('restore needs --backup <name>; list them with: backups --project <file>')
    const entry = findBackup(projectPath, values.backup)
    if (existsSync(projectPath)) {
      const current = await openStore(projectPath, false)
      try {
        out({ keptCurrentAs: (await makeBackup(projectPath, 'before-restore')).file })
      } finally {
        current.close()
      }
    }
    await restoreBackup(projectPath, entry)
    out({ restored: entry.file, project: projectPath })
    return EXIT.ok
  }
  if (command === 'export') return runExportCommand(projectPath, values, out)
  if (command === 'pack' && rest[0] === 'export') return runExportCommand(projectPath, { ...values, format: 'pack' }, out)
  if (command === 'pack') return runAnnotatedImportCommand(projectPath, rest.slice(1), { ...values, format: 'pack' }, out)
  if (command === 'import' && values.format !== undefined) return runAnnotatedImportCommand(projectPath, rest, values, out)
  if (command === 'import') {
    if (rest.length === 0) throw new UsageError('import needs at least one file or folder')
    if (values.encoding !== 'utf-8' && values.encoding !== 'windows-1252') throw new UsageError('--encoding must be utf-8 or windows-1252')
    const store = await openStore(projectPath, true)
    store.close()
    const progress = process.stderr.isTTY
    const jobs = new JobRunner((event, payload) => {
      if (event === 'job.progress' && progress) {
        const p = payload as { done: number; total: number; articles: number }
        process.stderr.write(`\rimporting: ${p.done}/${p.total} files, ${p.articles} articles`)
      }
    }, join(__dirname, 'import-worker.js'))
    const jobId = jobs.startImport(projectPath, rest.map((path) => ({ kind: 'path', path: resolve(path) })), values.encoding)
    process.on('SIGINT', () => jobs.cancel(jobId))
    const report = await jobs.wait(jobId)
    if (progress) process.stderr.write('\n')
    if (!report) {
      console.error('spanwise: the import was cancelled or failed; nothing was imported')
      return EXIT.partial
    }
    for (const issue of report.issues) console.error(`${issue.severity}: ${issue.message}`)
    out({ files: report.files, imported: report.imported, duplicates: report.duplicates, errors: report.issues.filter((i) => i.severity === 'error').length })
    return report.issues.some((i) => i.severity === 'error') ? EXIT.partial : EXIT.ok
  }

  const store = await openStore(projectPath, false)
  try {
    if (command === 'agreement') return agreementCommand(store, values)
    if (command === 'backup') {
      out(await makeBackup(projectPath, 'manual'))
      return EXIT.ok
    }
    if (command === 'articles') {
      let after
      do {
        const page = store.articles.list({ sort: 'imported', dir: 'asc', limit: 500, filter: {}, after })
        for (const a of page.rows) {
          const { hash, note } = store.articles.get(a.id)!
          out({ id: a.id, uid: a.uid, title: a.title, hash, source: a.source, published: a.published, status: a.status, tags: a.tagCount, counts: a.labelCounts, note })
        }
        after = page.next ?? undefined
      } while (after)
      return EXIT.ok
    }
    if (command === 'annotations') {
      const articleFilter = values.article === undefined ? null : Number(values.article)
      if (articleFilter !== null && !Number.isInteger(articleFilter)) throw new UsageError('--article must be an article id')
      // a mistyped id would otherwise look like an article with no tags
      if (articleFilter !== null && !store.articles.get(articleFilter)) throw new UsageError(`No article has the id ${articleFilter} in this project; list the article ids with: articles --project ${values.project}`)
      const ids = articleFilter !== null ? [articleFilter] : (store.db.prepare('SELECT DISTINCT article_id FROM annotation ORDER BY article_id').pluck().all() as number[])
      for (const id of ids) {
        for (const a of store.annotations.listByArticle(id)) {
          out({
            id: a.id,
            article: a.articleId,
            label: a.label,
            start: a.fragments[0]!.start,
            end: a.fragments[a.fragments.length - 1]!.end,
            fragments: a.fragments.map((f) => ({ start: f.start, end: f.end, quote: f.quote })),
            quote: a.fragments.map((f) => f.quote).join(' … '),
            annotator: a.annotatorName,
            annotator_id: a.annotatorId,
            note: a.note,
            status: a.status,
            created: a.createdAt,
            updated: a.updatedAt,
            offset_unit: 'codepoint'
          })
        }
      }
      return EXIT.ok
    }
    throw new UsageError(`unknown command "${command}"`)
  } finally {
    store.close()
  }
}

type Values = Record<string, string | boolean | string[] | undefined>

function agreementCommand(store: Store, values: Values): number {
  const format = (values.format as string | undefined) ?? 'json'
  if (!['json', 'csv', 'html'].includes(format)) throw new UsageError('agreement --format must be json, csv or html')
  const articleIds = list(values.articles)?.map(Number)
  if (articleIds?.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--articles must be article ids, e.g. --articles 1,2,3')
  let input
  try {
    input = agreementInput(store, { annotators: list(values.annotators), labels: list(values.labels), articleIds })
  } catch (error) {
    // a coder name that matches no one (or several) is a mistake in the command line
    if (error instanceof AppError) throw new UsageError(error.message)
    throw error
  }
  const report = buildAgreementReport(input)
  for (const note of report.notes) console.error(note)
  const text = format === 'csv' ? reportToCsv(report) : format === 'html' ? reportToHtml(report) : `${JSON.stringify(report)}\n`
  if (typeof values.out === 'string') {
    writeFileSync(resolve(values.out), text)
    console.error(`spanwise: wrote the agreement report to ${resolve(values.out)}`)
  } else process.stdout.write(text)
  return EXIT.ok
}
const list = (v: unknown) => (typeof v === 'string' && v.trim() ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined)

function progressTo(what: string) {
  const tty = process.stderr.isTTY
  return (event: string, payload: unknown) => {
    if (event !== 'job.progress' || !tty) return
    const p = payload as { done: number; total: number; articles: number }
    process.stderr.write(`\r${what}: ${p.done}${p.total ? `/${p.total}` : ''} articles, ${p.articles} tags`)
  }
}

async function runExportCommand(projectPath: string, values: Values, out: (o: unknown) => void): Promise<number> {
  const pack = values.format === 'pack'
  if (!values.out) throw new UsageError(pack ? 'pack export needs --out <file.spanpack>' : 'export needs --out <folder to create>')
  if (values['include-text'] && !pack) throw new UsageError('--include-text is for pack export; the other export formats always carry the article text')
  const parsed = exportOptions.safeParse({
    format: values.format,
    destination: resolve(values.out as string),
    overwrite: values.overwrite,
    quotes: !values['no-quotes'],
    bom: values.bom,
    includeText: values['include-text'],
    filter: {
      labels: list(values.labels),
      annotators: list(values.annotators),
      statuses: list(values.statuses),
      articleStatuses: list(values['article-statuses']),
      articleIds: list(values.articles)?.map(Number),
      sources: list(values.sources),
      languages: list(values.languages),
      text: values.search
    }
  })
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') === 'format' ? '--format' : i.path.join('.')}: ${i.message}`).join('; '))
  ;(await openStore(projectPath, false)).close()
  const jobs = new JobRunner(progressTo('exporting'), join(__dirname, 'import-worker.js'))
  const jobId = jobs.startExport(projectPath, parsed.data, undefined, pack ? cliUser() : null)
  process.on('SIGINT', () => jobs.cancel(jobId))
  const result = await jobs.wait<ExportResult>(jobId)
  if (process.stderr.isTTY) process.stderr.write('\n')
  if (!result) {
    console.error(`spanwise: ${(jobs.failure?.message ?? 'the export was cancelled').replace(/\.$/, '')}; nothing was written to ${parsed.data.destination}`)
    return EXIT.partial
  }
  for (const w of result.warnings) console.error(`warning: ${w}`)
  out(result)
  return EXIT.ok
}

async function runAnnotatedImportCommand(projectPath: string, paths: string[], values: Values, out: (o: unknown) => void): Promise<number> {
  if (paths.length === 0) throw new UsageError(values.format === 'pack' ? 'pack import needs at least one .spanpack file' : 'import --format needs at least one file or folder')
  const labelMap: Record<string, string | null> = {}
  for (const m of values.map as string[]) {
    const at = m.indexOf('=')
    if (at <= 0) throw new UsageError(`--map ${m}: write it as FileLabel=CodebookLabel`)
    const from = m.slice(0, at)
    if (Object.hasOwn(labelMap, from) && labelMap[from] !== m.slice(at + 1)) throw new UsageError(`--map ${from} is given twice (${labelMap[from]} and ${m.slice(at + 1)}); keep one`)
    labelMap[from] = m.slice(at + 1)
  }
  for (const l of values['skip-label'] as string[]) {
    if (labelMap[l]) throw new UsageError(`${l} is both mapped (--map ${l}=${labelMap[l]}) and skipped (--skip-label ${l}); keep one`)
    labelMap[l] = null
  }
  const parsed = annotatedImportOptions.safeParse({
    format: values.format,
    paths: paths.map((p) => resolve(p)),
    annotator: values.annotator,
    labelMap,
    createLabels: values.create,
    skipInvalid: values['skip-invalid'],
    dryRun: values['dry-run'],
    addMissingArticles: values['add-missing'],
    force: values.force
  })
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path[0] === 'format' ? '--format' : i.path[0] === 'annotator' ? '--annotator' : i.path.join('.')}: ${i.message}`).join('; '))
  // a pack adds tags to a project's articles, so it needs a project that exists
  const store = await openStore(projectPath, values.format !== 'pack')
  store.close()
  const jobs = new JobRunner(progressTo('importing'), join(__dirname, 'import-worker.js'))
  const jobId = jobs.startAnnotatedImport(projectPath, parsed.data, cliUser())
  process.on('SIGINT', () => jobs.cancel(jobId))
  const report = await jobs.wait<AnnotatedImportReport>(jobId)
  if (process.stderr.isTTY) process.stderr.write('\n')
  if (!report) {
    console.error(`spanwise: ${(jobs.failure?.message ?? 'the import was cancelled').replace(/\.$/, '')}; nothing was imported`)
    return EXIT.partial
  }
  for (const i of report.issues) console.error(`${i.severity}: ${issueText(i)}`)
  if (report.moreIssues) console.error(`… and ${report.moreIssues} more problems`)
  if (report.unresolvedLabels.length > 0) {
    console.error(`spanwise: these labels are not in the codebook: ${report.unresolvedLabels.join(', ')}. Add --map <label>=<codebook label>, --create <label> or --skip-label <label> for each.`)
  } else if (!report.committed && !parsed.data.dryRun) {
    const older = report.issues.some((i) => i.code === 'OLDER_PACK' && i.severity === 'error') ? ' Add --force to go back to the older pack for those articles,' : ''
    console.error(`spanwise: ${plural(report.errors, 'problem')} above; nothing was imported.${older || ' Fix the file,'} or add --skip-invalid to import the rest.`)
  }
  const { issues: _issues, ...summary } = report
  out(summary)
  return report.committed || (parsed.data.dryRun && report.unresolvedLabels.length === 0 && report.errors === 0) ? EXIT.ok : EXIT.partial
}

/** Who a command-line import is recorded as: SPANWISE_USER, else the login name. */
function cliUser(): { id: string; name: string } {
  const name = process.env.SPANWISE_USER?.trim() || userInfo().username || 'command line'
  return { id: stableUuid('cli-user', name), name }
}

async function openStore(path: string, createIfMissing: boolean): Promise<Store> {
  try {
    if (createIfMissing && !existsSync(path)) return new Store(createProjectDb(path), path)
    return new Store(await openProjectDb(path), path)
  } catch (error) {
    if (error instanceof AppError) throw Object.assign(error, { exit: EXIT.project })
    throw error
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`spanwise: ${error.message}\n\n${USAGE}`)
      process.exit(EXIT.usage)
    }
    console.error(`spanwise: ${(error as Error).message}`)
    process.exit((error as { exit?: number }).exit ?? EXIT.project)
  }
)

