import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from '@playwright/test'
import { JobRunner } from '../../src/main/jobs/job-runner'
import { createProjectDb } from '../../src/main/store/open-project-db'

// the built reader + writer worker threads (out/main, built by globalSetup), driven without a browser
const workerPath = join(__dirname, '../../out/main/import-worker.js')
let dir: string
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sw-workers-'))
})
test.afterEach(() => rmSync(dir, { recursive: true, force: true }))

function folder(name: string, count: number, extra: Record<string, string> = {}): string {
  const path = join(dir, name)
  mkdirSync(path)
  for (let i = 0; i < count; i++) writeFileSync(join(path, `${String(i).padStart(5, '0')}.txt`), `${name} report ${i}\n\nThe Front and the government met again, meeting number ${i}.`)
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(path, file), text)
  return path
}
const articleCount = (project: string) => {
  const db = new Database(project, { readonly: true })
  try {
    return db.prepare('SELECT count(*) FROM article').pluck().get() as number
  } finally {
    db.close()
  }
}

test('the two-thread import writes every article, counts duplicates and reports bad files in order', async () => {
  const project = join(dir, 'p.spanwise')
  createProjectDb(project).close()
  const progress: number[] = []
  const jobs = new JobRunner((event, payload) => event === 'job.progress' && progress.push((payload as { done: number }).done), workerPath)
  const path = folder('a', 1200, { 'dup.txt': 'a report 7\n\nThe Front and the government met again, meeting number 7.', 'bad.txt': '' })
  writeFileSync(join(path, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9]))
  const report = await jobs.wait(jobs.startImport(project, [{ kind: 'path', path }], 'utf-8'))
  expect(report).toMatchObject({ files: 1203, imported: 1200, duplicates: 1 })
  expect(report!.issues.map((i) => i.code)).toEqual(['EMPTY_FILE', 'INVALID_UTF8'])
  expect(articleCount(project)).toBe(1200)
  expect(progress.length).toBeGreaterThan(0)
})

test('cancelling the two-thread import keeps nothing from it and leaves earlier articles alone', async () => {
  const project = join(dir, 'p.spanwise')
  createProjectDb(project).close()
  const first = new JobRunner(() => {}, workerPath)
  await first.wait(first.startImport(project, [{ kind: 'path', path: folder('early', 10) }], 'utf-8'))
  let jobId = ''
  const jobs = new JobRunner((event) => {
    if (event === 'job.progress') jobs.cancel(jobId)
  }, workerPath)
  jobId = jobs.startImport(project, [{ kind: 'path', path: folder('big', 6000) }], 'utf-8')
  expect(await jobs.wait(jobId)).toBeNull()
  expect(articleCount(project)).toBe(10)
})
