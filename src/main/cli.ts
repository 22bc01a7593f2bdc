import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../shared/errors'
import { JobRunner } from './jobs/job-runner'
import { createProjectDb, openProjectDb } from './store/open-project-db'
import { Store } from './store/store'

const USAGE = `Usage:
  npm run cli -- import <files or folders...> --project <file> [--encoding utf-8|windows-1252]
  npm run cli -- articles --project <file>
  npm run cli -- annotations --project <file> [--article <id>]

import creates the project when it does not exist. Output is JSON lines on stdout; messages go to stderr.
Exit codes: 0 success, 1 some inputs were rejected (the rest was imported), 2 bad usage, 3 the project cannot be opened.`

export const EXIT = { ok: 0, partial: 1, usage: 2, project: 3 } as const

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { project: { type: 'string' }, encoding: { type: 'string', default: 'utf-8' }, article: { type: 'string' }, help: { type: 'boolean' } }
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
  if (!['import', 'articles', 'annotations'].includes(command)) throw new UsageError(`unknown command "${command}"`)
  if (!values.project) throw new UsageError(`${command} needs --project <file>`)
  const projectPath = resolve(values.project)
  const out = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`)

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

