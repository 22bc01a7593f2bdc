import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { AppInfo, ProjectInfo, User } from '../../shared/domain'
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
import { Store } from '../store/store'
import { Settings } from './settings'

export const PROJECT_EXTENSION = '.spanwise'

export interface WorkbenchOptions {
  mode: 'electron' | 'browser'
  dataDir: string
  resourcesDir: string
  workerPath: string
  emit: EventSink
  /** Native file dialog; only the Electron shell has one. */
  pickFile?: (mode: 'open' | 'create') => Promise<string | null>
}

/** The state behind every front door: the user's settings, the open project and running jobs. */
export class Workbench {
  readonly settings: Settings
  readonly jobs: JobRunner
  private project: { store: Store; annotations: AnnotationService; actors: ActorService; codebooks: CodebookService; review: ReviewService } | null = null
  private startupNotice: string | null = null

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
    this.project?.store.close()
    this.project = null
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
      canPickFiles: !!this.options.pickFile,
      maxTextBytes: MAX_TEXT_BYTES,
      startupNotice: this.startupNotice
    }
  }
}

function projectName(file: string): string {
  return basename(file, extname(file))
}

function withExtension(file: string): string {
  return extname(file) ? file : `${file}${PROJECT_EXTENSION}`
}
