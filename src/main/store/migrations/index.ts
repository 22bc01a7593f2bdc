import type { Migration } from '../migration'
import { m0001Init } from './0001-init'

/** Every migration, in order; the last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [m0001Init]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
