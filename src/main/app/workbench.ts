import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { BackupEntry, BackupList, DamagedProject, SalvageReport } from '../../shared/backups/backup-entry'
import { PROJECT_EXTENSION, type AppInfo, type ProjectInfo, type User } from '../../shared/domain'
import { AppError } from '../../shared/errors'
import { ActorService } from '../actors/actor-service'
import { AnnotationService } from '../annotations/annotation-service'
import { ReviewService } from '../review/review-service'
import { CodebookService } from '../codebook/codebook-service'
import { buildDemoProject } from '../demo/build-demo-project'
import { discardAbandonedImports } from '../import/run-import'
import { MAX_TEXT_BYTES } from '../import/import-limits'
import type { EventSink } from '../jobs/event-sink'
import { JobRunner } from '../jobs/job-runner'
import { createProjectDb, openProjectDb } from '../store/open-project-db'
import { backupFolderOf } from '../store/backup/backup-folder'
import { readManifest } from '../store/backup/backup-manifest'
import { BackupScheduler } from '../store/backup/backup-scheduler'
import { findBackup, restoreBackup } from '../store/backup/restore-backup'
import { salvageProject } from '../store/backup/salvage-project'
import { Store } from '../store/store'
import { Settings } from './settings'

export interface WorkbenchOptions {
  mode: 'electron' | 'browser'
  dataDir: string
  resourcesDir: string
  workerPath: string
  emit: EventSink
  /** Minutes between automatic backups while the project changes (default 10; 0 = off, for benchmarks). */
  backupIntervalMinutes?: number
  /** Delay before the on-open backup (default 5 s). */
  backupOpenDelayMs?: number
}

/** The state behind every front door: the user's settings, the open project and running jobs. */
export class Workbench {
  readonly settings: Settings
  readonly jobs: JobRunner
  private project: { store: Store; annotations: AnnotationService; actors: ActorService; codebooks: CodebookService; review: ReviewService } | null = null
  private startupNotice: string | null = null
  private damaged: DamagedProject | null = null
  private backups: BackupScheduler | null = null

  constructor(readonly options: WorkbenchOptions) {
    mkdirSync(options.dataDir, { recursive: true })
    this.settings = new Settings(options.dataDir)
    this.jobs = new JobRunner(options.emit, options.workerPath)
  }

  get emit(): EventSink {
    return this.options.emit
  }

  get projectsDir(): string {
    return join(this.options.dataDir, 'projects')
  }

  get demoPath(): string {
    return join(this.projectsDir, `Demo project${PROJECT_EXTENSION}`)
  }

  /** Opens the last project, or the demo project on first start (or when the last one is gone). */
  async openInitial(explicit?: string): Promise<void> {
    const last = explicit ?? this.settings.lastProject
    if (last && existsSync(last)) {
      try {
        await this.open(last)
        return
      } catch (error) {
        if (explicit) throw error
        if (error instanceof AppError && error.code === 'PROJECT_DAMAGED') this.damaged = error.details as DamagedProject
        this.startupNotice = `Your last project (${last}) could not be opened, so the demo project was opened instead: ${(error as Error).message}`
      }
    }
    await this.openDemo()
  }

  async open(path: string): Promise<ProjectInfo> {
    const file = resolve(path)
    if (this.jobs.busy) throw new AppError('JOB_RUNNING', 'Wait for the running import to finish (or cancel it) before switching projects.')
    const db = await openProjectDb(file)
    discardAbandonedImports(db)
    this.close()
    const store = new Store(db, file)
    const annotations = new AnnotationService(store)
    this.project = { store, annotations, actors: new ActorService(store), codebooks: new CodebookService(store), review: new ReviewService(store, annotations) }
    this.backups = new BackupScheduler(db, file, {
      intervalMinutes: this.options.backupIntervalMinutes ?? 10,
      openDelayMs: this.options.backupOpenDelayMs,
      isBusy: () => this.jobs.busy,
      onError: (error) => console.error(`Automatic backup of ${file} failed:`, (error as Error).message)
    })
    this.backups.start()
    if (this.damaged?.path === file) this.damaged = null
    this.settings.noteOpened(file, projectName(file))
    this.emit('project.changed', { what: 'project' })
    return this.projectInfo()
  }

  async create(input: { path: string } | { name: string }): Promise<ProjectInfo> {
    const file = 'path' in input ? withExtension(resolve(input.path)) : join(this.projectsDir, `${input.name}${PROJECT_EXTENSION}`)
    mkdirSync(dirname(file), { recursive: true })
    createProjectDb(file).close()
    return this.open(file)
  }

  async openDemo(): Promise<ProjectInfo> {
    if (!existsSync(this.demoPath)) {
      mkdirSync(this.projectsDir, { recursive: true })
      buildDemoProject(this.demoPath, this.options.resourcesDir)
    }
    return this.open(this.demoPath)
  }

  close(): void {
    // a backup still copying is abandoned with the connection and removes its partial file
    void this.backups?.stop()
    this.backups = null
    this.project?.store.close()
    this.project = null
  }

  /** The open project's verified backups, newest first. */
  backupList(): BackupList {
    const store = this.store
    return { folder: backupFolderOf(store.path), entries: readManifest(backupFolderOf(store.path)), running: this.backups?.busy ?? false, intervalMinutes: this.options.backupIntervalMinutes ?? 10 }
  }

  async backupNow(kind: 'manual' | 'before-restore' = 'manual'): Promise<BackupEntry> {
    const store = this.store
    if (!this.backups) throw new AppError('NO_PROJECT', 'No project is open; open or create one first.')
    const entry = await this.backups.backup(kind)
    if (this.store !== store) throw new AppError('CONFLICT', 'The project was closed while the backup was written.')
    return entry
  }

  /** Replaces the open project with a backup; its current state is backed up first, so this can be undone. */
  async restore(backup: string): Promise<ProjectInfo> {
    if (this.jobs.busy) throw new AppError('JOB_RUNNING', 'Wait for the running job to finish (or cancel it) before restoring a backup.')
    const file = this.store.path
    const entry = findBackup(file, backup)
    await this.backupNow('before-restore')
    this.close()
    try {
      await restoreBackup(file, entry)
    } finally {
      await this.open(file)
    }
    return this.projectInfo()
  }

  /** Puts back a project found damaged: a verified backup, or a salvage of the moved-aside file into a new file at its old path. */
  async recover(input: { action: 'restore'; path: string; backup: string } | { action: 'salvage'; path: string; movedTo: string }): Promise<{ project: ProjectInfo; salvage: SalvageReport | null }> {
    const file = resolve(input.path)
    if (existsSync(file)) throw new AppError('PROJECT_EXISTS', `${file} exists again, so there is nothing to recover; open it instead.`)
    let salvage: SalvageReport | null = null
    if (input.action === 'restore') await restoreBackup(file, findBackup(file, input.backup))
    else {
      const damaged = resolve(input.movedTo)
      const ext = extname(file)
      if (dirname(damaged) !== dirname(file) || !basename(damaged).startsWith(`${basename(file, ext)}.damaged-`) || !existsSync(damaged))
        throw new AppError('VALIDATION', `${input.movedTo} is not the moved-aside copy of ${file}; salvage reads only that file.`)
      salvage = salvageProject(damaged, file)
    }
    return { project: await this.open(file), salvage }
  }

  /** The open project shows a renamed user's new name on their tags at once (other projects take it at their next edit). */
  renameCoder(user: User): void {
    this.project?.store.renameAnnotator(user)
  }

  get store(): Store {
    if (!this.project) throw new AppError('NO_PROJECT', 'No project is open; open or create one first.')
    return this.project.store
  }

  get annotations(): AnnotationService {
    if (!this.project) throw new AppError('NO_PROJECT', 'No project is open; open or create one first.')
    return this.project.annotations
  }

  get review(): ReviewService {
    if (!this.project) throw new AppError('NO_PROJECT', 'No project is open; open or create one first.')
    return this.project.review
  }

  get actors(): ActorService {
    if (!this.project) throw new AppError('NO_PROJECT', 'No project is open; open or create one first.')
    return this.project.actors
  }

  get codebooks(): CodebookService {
    if (!this.project) throw new AppError('NO_PROJECT', 'No project is open; open or create one first.')
    return this.project.codebooks
  }

  get user(): User {
    const user = this.settings.user
    if (!user) throw new AppError('NO_USER', 'Tell Spanwise your name first: it is recorded on every tag you make.')
    return user
  }

  projectInfo(): ProjectInfo {
    const store = this.store
    return { path: store.path, name: projectName(store.path), articleCount: store.articles.count() }
  }

  info(): AppInfo {
    return {
      mode: this.options.mode,
      user: this.settings.user,
      project: this.project ? this.projectInfo() : null,
      recent: this.settings.recent.map((r) => ({ ...r, exists: existsSync(r.path) })),
      dataDir: this.options.dataDir,
      maxTextBytes: MAX_TEXT_BYTES,
      startupNotice: this.startupNotice,
      damaged: this.damaged
    }
  }
}

function projectName(file: string): string {
  return basename(file, extname(file))
}

function withExtension(file: string): string {
  return extname(file) ? file : `${file}${PROJECT_EXTENSION}`
}
