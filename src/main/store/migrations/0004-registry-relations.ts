import seed from '../../../../resources/registry/colombia-seed.json'
import { missingAttributes } from '../../../shared/codebook/validate-attributes'
import { codebookSchema, type Codebook } from '../../../shared/codebook/codebook-schema'
import { registrySeedSchema } from '../../../shared/actors/actor-schema'
import { ACTOR_KINDS, ACTOR_STATUSES, ALIAS_TYPES } from '../../../shared/domain'
import { matchKey } from '../../../shared/text/fold-text'
import type { Migration } from '../migration'
import type { Db } from '../open-project-db'

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ')

/**
 * The actor registry (canonical actors, their aliases and relations, seeded for Colombia), typed links
 * between tags, the actors each tag mentions, and each tag's missing required attributes.
 */
export const m0004RegistryRelations: Migration = {
  version: 4,
  name: 'registry-relations',
  up: (db) => {
    db.exec(`
      CREATE TABLE actor (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${list(ACTOR_KINDS)})),
        type TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        parent_id TEXT REFERENCES actor(id),
        external_ids TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(external_ids)),
        status TEXT NOT NULL CHECK (status IN (${list(ACTOR_STATUSES)})),
        merged_into TEXT REFERENCES actor(id),
        notes TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX actor_by_name ON actor(name COLLATE NOCASE);

      CREATE TABLE actor_alias (
        id INTEGER PRIMARY KEY,
        actor_id TEXT NOT NULL REFERENCES actor(id),
        alias TEXT NOT NULL,
        match_key TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT '',
        alias_type TEXT NOT NULL CHECK (alias_type IN (${list(ALIAS_TYPES)})),
        designated_by TEXT NOT NULL DEFAULT '',
        valid_from TEXT NOT NULL DEFAULT '',
        valid_to TEXT NOT NULL DEFAULT '',
        ambiguous INTEGER NOT NULL DEFAULT 0 CHECK (ambiguous IN (0, 1)),
        UNIQUE (actor_id, match_key)
      ) STRICT;
      CREATE INDEX actor_alias_by_key ON actor_alias(match_key);

      CREATE TABLE actor_relation (
        from_id TEXT NOT NULL REFERENCES actor(id),
        type TEXT NOT NULL CHECK (type IN ('splinter_of', 'successor_of', 'faction_of', 'merged_into', 'allied_with', 'renamed_to')),
        to_id TEXT NOT NULL REFERENCES actor(id),
        date TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (from_id, type, to_id)
      ) STRICT;

      -- which canonical actors a tag's actor-reference attributes point to, kept in step with the tag
      CREATE TABLE mention (
        annotation_id TEXT NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        attribute TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES actor(id),
        PRIMARY KEY (annotation_id, attribute, actor_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mention_by_actor ON mention(actor_id);

      -- typed links between tags of one article, stored with the tag they start from
      CREATE TABLE relation (
        from_id TEXT NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        type TEXT NOT NULL,
        to_id TEXT NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
        PRIMARY KEY (from_id, idx)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX relation_by_target ON relation(to_id);

      ALTER TABLE annotation ADD COLUMN missing TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(missing));
    `)
    seedRegistry(db)
    flagMissing(db)
  }
}

const SEED_DATE = '2026-01-01T00:00:00.000Z'

function seedRegistry(db: Db): void {
  const registry = registrySeedSchema.parse(seed)
  // fixed ids and time, so the seed is the same in every project and native exports re-import without duplicates
  const now = SEED_DATE
  const ids = new Map(registry.actors.map((a) => [a.key, `seed:${a.key}`]))
  const insertActor = db.prepare(`
    INSERT INTO actor (id, name, kind, type, country, parent_id, external_ids, status, notes, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'provisional', ?, 'seed registry', ?, ?)`)
  const insertAlias = db.prepare(`
    INSERT INTO actor_alias (actor_id, alias, match_key, language, alias_type, designated_by, valid_from, valid_to, ambiguous)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertRelation = db.prepare('INSERT INTO actor_relation (from_id, type, to_id, date) VALUES (?, ?, ?, ?)')
  // parents first, so each parent_id already exists
  const ordered = [...registry.actors].sort((a, b) => Number(!!a.parent) - Number(!!b.parent))
  for (const a of ordered) {
    const id = ids.get(a.key)!
    insertActor.run(id, a.name, a.kind, a.type, a.country, a.parent ? ids.get(a.parent)! : null, JSON.stringify(a.externalIds), a.notes, now, now)
    for (const al of a.aliases) {
      insertAlias.run(id, al.alias, matchKey(al.alias), al.language, al.aliasType, al.designatedBy, al.validFrom, al.validTo, al.ambiguous ? 1 : 0)
    }
  }
  for (const a of registry.actors) for (const r of a.relations) insertRelation.run(ids.get(a.key)!, r.type, ids.get(r.to)!, r.date)
}

function flagMissing(db: Db): void {
  const codebooks = new Map<number, Codebook>()
  for (const row of db.prepare('SELECT version, json FROM codebook').all() as { version: number; json: string }[]) {
    const parsed = codebookSchema.safeParse(JSON.parse(row.json))
    // an invalid stored version is reported when it is opened; its tags stay unflagged until edited
    if (parsed.success) codebooks.set(row.version, parsed.data)
  }
  const update = db.prepare('UPDATE annotation SET missing = ? WHERE id = ?')
  const rows = db.prepare('SELECT id, label, attributes, codebook_version FROM annotation').all() as { id: string; label: string; attributes: string; codebook_version: number | null }[]
  for (const r of rows) {
    const codebook = codebooks.get(r.codebook_version ?? 1)
    if (codebook) update.run(JSON.stringify(missingAttributes(codebook, r.label, JSON.parse(r.attributes) as Record<string, unknown>)), r.id)
  }
}
