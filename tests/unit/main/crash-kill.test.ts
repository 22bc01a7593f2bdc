import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { discardAbandonedImports } from '../../../src/main/import/run-import'
import { createProjectDb, openProjectDb } from '../../../src/main/store/open-project-db'
import { Store } from '../../../src/main/store/store'
import { stateDigest } from '../../helpers/crash/state-digest'
import { cleanupTemp, tempDir } from '../../helpers/project'

/** Kills per run; SPANWISE_CRASH_KILLS=2000 for a long local run. Two children run at once, one per core. */
const KILLS = Number(process.env.SPANWISE_CRASH_KILLS ?? 240)
const FRESH_EVERY = 30
const ROOT = resolve(__dirname, '../../..')
// inside node_modules so the bundle's require('better-sqlite3') resolves to the project's Node build
const BUNDLE_DIR = join(ROOT, 'node_modules/.cache/spanwise-crash-driver')
const USER = { id: '33333333-3333-4333-8333-333333333333', name: 'Crash tester' }

interface RunLog {
  lastAck: string | null
  pending: string | null
  importInFlight: boolean
  acks: number
  error: string | null
}

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: join(ROOT, 'tests/helpers/crash/crash-driver.ts'),
      outDir: BUNDLE_DIR,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'crash-driver.cjs' } }
    },
    ssr: { noExternal: true, external: ['better-sqlite3'] }
  })
}, 120_000)
afterAll(() => {
  cleanupTemp()
  rmSync(BUNDLE_DIR, { recursive: true, force: true })
})

/** Runs the driver on `file` and SIGKILLs it at a random moment: during open, or after a random stretch of actions. */
function runAndKill(file: string, seed: number, random: () => number): Promise<RunLog> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(BUNDLE_DIR, 'crash-driver.cjs'), file, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const log: RunLog = { lastAck: null, pending: null, importInFlight: false, acks: 0, error: null }
    let buffered = ''
    let stderr = ''
    const kill = () => child.kill('SIGKILL')
    // one kill in eight lands while the project is still being opened
    if (random() < 0.125) setTimeout(kill, random() * 150)
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      let nl: number
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const [kind, , digest] = buffered.slice(0, nl).split(' ')
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        if (kind === 'ready') setTimeout(kill, random() * 400)
        else if (kind === 'pending') log.pending = digest!
        else if (kind === 'import') log.importInFlight = true
        else if (kind === 'ack') {
          log.lastAck = digest!
          log.pending = null
          log.importInFlight = false
          log.acks++
        } else if (kind === 'refused') log.pending = null
        else if (kind === 'error') log.error = line
      }
    })
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') log.error ??= `driver exited by itself (code ${code}): ${stderr}`
      done(log)
    })
  })
}

/**
 * Walks every article's undo history on a copy: redo to the top, undo to the very start (no tags left, since
 * every tag came from the action stream), then redo everything: the tags must come back exactly.
 */
function undoRedoRoundTrip(file: string, dir: string): void {
  const copy = join(dir, 'undo-check.spanwise')
  rmSync(copy, { force: true })
  copyFileSync(file, copy)
  const store = new Store(new Database(copy), copy)
  store.db.pragma('synchronous = OFF')
  const service = new AnnotationService(store)
  const tags = (articleId: number) =>
    JSON.stringify([
      store.db.prepare('SELECT * FROM annotation WHERE article_id = ? ORDER BY id').all(articleId),
      store.db.prepare('SELECT f.* FROM fragment f JOIN annotation a ON a.article_id = f.article_id AND a.id = f.annotation_id WHERE a.article_id = ? ORDER BY f.annotation_id, f.idx').all(articleId),
      store.db.prepare('SELECT r.* FROM relation r JOIN annotation a ON a.id = r.from_id WHERE a.article_id = ? ORDER BY r.from_id, r.idx').all(articleId)
    ])
  try {
    for (const a of store.db.prepare('SELECT id FROM article').pluck().all() as number[]) {
      while (service.redo(USER, a));
      const top = tags(a)
      let undone = 0
      while (service.undo(USER, a)) undone++
      expect(service.history(USER, a).canUndo).toBe(false)
      expect(store.db.prepare('SELECT count(*) FROM annotation WHERE article_id = ?').pluck().get(a)).toBe(0)
      let redone = 0
      while (service.redo(USER, a)) redone++
      expect(redone).toBe(undone)
      expect(tags(a)).toBe(top)
    }
  } finally {
    store.close()
    rmSync(copy, { force: true })
  }
}

describe('crash safety: the real store killed with SIGKILL mid-stream (one child process per kill)', () => {
  it(`survives ${KILLS} kills with every acknowledged action present, none half-applied, and a consistent undo history`, async () => {
    const stats = { kills: 0, acks: 0, inFlightCommitted: 0, inFlightLost: 0, importsInFlight: 0, undoChecks: 0 }
    const lane = async (laneNo: number) => {
      const dir = tempDir()
      const file = join(dir, `lane-${laneNo}.spanwise`)
      let seed = 1000 * laneNo + 1
      const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
      let baseline = ''
      for (let k = laneNo; k < KILLS; k += 2) {
        if (!existsSync(file) || stats.kills % FRESH_EVERY < 2) {
          for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true })
          rmSync(`${file}.backups`, { recursive: true, force: true })
          const db = createProjectDb(file)
          baseline = stateDigest(db)
          db.close()
        }
        const log = await runAndKill(file, k + 1, random)
        expect(log.error).toBeNull()
        stats.kills++
        stats.acks += log.acks
        const db = await openProjectDb(file)
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
          expect(db.pragma('foreign_key_check')).toEqual([])
          discardAbandonedImports(db)
          const found = stateDigest(db)
          const acknowledged = log.lastAck ?? baseline
          if (found === acknowledged) {
            if (log.pending || log.importInFlight) stats.inFlightLost++
          } else if (log.pending && found === log.pending) stats.inFlightCommitted++
          else if (log.importInFlight) {
            // the import's last commit landed before its ack: the state is the acknowledged one plus that whole import
            const batch = db.prepare("SELECT id FROM import_batch WHERE state = 'done' ORDER BY id DESC LIMIT 1").pluck().get() as number
            expect(stateDigest(db, batch)).toBe(acknowledged)
            expect(db.prepare('SELECT count(*) FROM article WHERE import_batch_id = ?').pluck().get(batch)).toBe(3)
            stats.inFlightCommitted++
          } else expect.fail(`kill ${k}: the reopened state matches neither the last acknowledged action nor the one in flight`)
          if (log.importInFlight) stats.importsInFlight++
          baseline = found
        } finally {
          db.close()
        }
        if (k % 10 === laneNo) {
          undoRedoRoundTrip(file, dir)
          stats.undoChecks++
        }
      }
    }
    await Promise.all([lane(0), lane(1)])
    console.log(`crash test: ${JSON.stringify(stats)}`)
    expect(stats.kills).toBe(KILLS)
    // the kills must have hit real work, including commits caught between COMMIT and the acknowledgement
    expect(stats.acks).toBeGreaterThan(KILLS)
  }, 900_000)
})
