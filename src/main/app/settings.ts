import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { User } from '../../shared/domain'

const settingsSchema = z.object({
  user: z.object({ id: z.string().min(1), name: z.string().min(1) }).nullable().default(null),
  recent: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })).default([]),
  lastProject: z.string().nullable().default(null)
})
export type SettingsData = z.infer<typeof settingsSchema>

const MAX_RECENT = 12

/** The user's settings (name, recent projects) in settings.json in the data folder, written atomically. */
export class Settings {
  private data: SettingsData
  private readonly file: string

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json')
    this.data = this.read()
  }

  get user(): User | null {
    return this.data.user
  }

  get recent(): SettingsData['recent'] {
    return this.data.recent
  }

  get lastProject(): string | null {
    return this.data.lastProject
  }

  setUserName(name: string): User {
    this.data.user = { id: this.data.user?.id ?? randomUUID(), name }
    this.write()
    return this.data.user
  }

  noteOpened(path: string, name: string): void {
    this.data.recent = [{ path, name, openedAt: new Date().toISOString() }, ...this.data.recent.filter((r) => r.path !== path)].slice(0, MAX_RECENT)
    this.data.lastProject = path
    this.write()
  }

  private read(): SettingsData {
    let raw: string
    try {
      raw = readFileSync(this.file, 'utf8')
    } catch {
      return settingsSchema.parse({})
    }
    try {
      return settingsSchema.parse(JSON.parse(raw))
    } catch {
      // a damaged settings file must not stop the app; keep it aside for the user and start fresh
      renameSync(this.file, `${this.file}.damaged-${Date.now()}`)
      return settingsSchema.parse({})
    }
  }

  private write(): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(this.data, null, 2))
    renameSync(tmp, this.file)
  }
}
