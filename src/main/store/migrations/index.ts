import type { Migration } from '../migration'
import { m0001Init } from './0001-init'
import { m0002FtsAutomerge } from './0002-fts-automerge'
import { m0003Codebook } from './0003-codebook'
import { m0004RegistryRelations } from './0004-registry-relations'
import { m0005ArticleNote } from './0005-article-note'
import { m0006CodebookMigration } from './0006-codebook-migration'
import { m0007BulkTagWrites } from './0007-bulk-tag-writes'
import { m0008Review } from './0008-review'
import { m0009ImportOwner } from './0009-import-owner'
import { m0010FragmentsByArticle } from './0010-fragments-by-article'
import { m0011TagOrigin } from './0011-tag-origin'

/** Every migration, in order; the last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [m0001Init, m0002FtsAutomerge, m0003Codebook, m0004RegistryRelations, m0005ArticleNote, m0006CodebookMigration, m0007BulkTagWrites, m0008Review, m0009ImportOwner, m0010FragmentsByArticle, m0011TagOrigin]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
