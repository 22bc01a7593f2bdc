import type { Codebook } from '../../../shared/codebook/codebook-schema'
import { EMPTY_MIGRATION } from '../../../shared/codebook/codebook-migration'
import type { Actor } from '../../../shared/domain'
import { matchKey } from '../../../shared/text/fold-text'
import type { Store } from '../../store/store'
import type { IssueSink } from './imported-document'

/** Two codebooks with the same content, whatever their version numbers. */
export const sameCodebook = (a: Codebook, b: Codebook) => JSON.stringify({ ...a, version: 0 }) === JSON.stringify({ ...b, version: 0 })

/**
 * Maps each codebook version a file carries to a project version: an identical stored version when there is
 * one, else a new version saved now. A project that has tags keeps its own codebook current (the file's versions
 * stay as history and `issue` says so); only an untagged project, being rebuilt from the file, takes the file's.
 * Call inside the import's transaction.
 */
export function importCodebooks(store: Store, codebooks: { version: number; codebook: Codebook }[], createdBy: string, fileName: string, issue: IssueSink): Map<number, number> {
  const map = new Map<number, number>()
  const own = store.codebooks.currentVersion()
  const coded = store.db.prepare('SELECT 1 FROM annotation LIMIT 1').get() !== undefined
  const stored = store.codebooks.versions().map((v) => ({ version: v.version, codebook: store.codebooks.get(v.version) }))
  for (const c of [...codebooks].sort((a, b) => a.version - b.version)) {
    const same = stored.find((s) => sameCodebook(s.codebook, c.codebook))
    if (same) {
      map.set(c.version, same.version)
      continue
    }
    const version = store.codebooks.currentVersion() + 1
    const codebook = { ...c.codebook, version }
    store.codebooks.insert({ codebook, note: `imported from ${fileName} (its version ${c.version})`, createdBy, migration: EMPTY_MIGRATION })
    stored.push({ version, codebook })
    map.set(c.version, version)
  }
  if (coded && store.codebooks.currentVersion() !== own) {
    // the newest version is the current one: the project's own goes back on top, unchanged
    const mine = store.codebooks.get(own)
    const theirs = codebooks.reduce((a, b) => (b.version > a.version ? b : a)).codebook
    store.codebooks.insert({ codebook: { ...mine, version: store.codebooks.currentVersion() + 1 }, note: `this project's codebook (version ${own}) kept after importing ${fileName}`, createdBy, migration: EMPTY_MIGRATION })
    const lacking = theirs.labels.map((l) => l.name).filter((n) => !mine.labels.some((l) => l.name === n))
    issue({
      file: fileName,
      severity: 'warning',
      code: 'CODEBOOK_DIFFERS',
      message: `${fileName} was coded with another codebook than this project's; the project keeps its own, and the file's is kept in the codebook's version history.${lacking.length ? ` Its tags with labels this codebook lacks (${lacking.join(', ')}) show as unknown labels until you add them in the codebook editor.` : ''}`
    })
  }
  return map
}

/**
 * Adds the file's registry actors the project lacks (by id), with their aliases and relations; actors the
 * project has keep their fields and gain only aliases they lack. Returns how many actors were added.
 */
export function importActors(store: Store, actors: Actor[]): number {
  const db = store.db
  const exists = db.prepare('SELECT 1 FROM actor WHERE id = ?').pluck()
  const insert = db.prepare(`
    INSERT INTO actor (id, name, kind, type, country, parent_id, external_ids, status, merged_into, notes, created_by, created_at, updated_at)
    VALUES (@id, @name, @kind, @type, @country, NULL, @externalIds, @status, NULL, @notes, @createdBy, @createdAt, @createdAt)`)
  const setLinks = db.prepare('UPDATE actor SET parent_id = ?, merged_into = ? WHERE id = ?')
  const insertAlias = db.prepare(`
    INSERT OR IGNORE INTO actor_alias (actor_id, alias, match_key, language, alias_type, designated_by, valid_from, valid_to, ambiguous)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertRelation = db.prepare('INSERT OR IGNORE INTO actor_relation (from_id, type, to_id, date) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM actor WHERE id = ?)')
  const added = actors.filter((a) => !exists.get(a.id))
  for (const a of added) insert.run({ ...a, externalIds: JSON.stringify(a.externalIds) })
  // parents and merge targets once every actor exists, whatever order the file lists them in
  for (const a of added) if (a.parentId || a.mergedInto) setLinks.run(exists.get(a.parentId ?? '') ? a.parentId : null, exists.get(a.mergedInto ?? '') ? a.mergedInto : null, a.id)
  for (const a of actors) {
    for (const al of a.aliases) insertAlias.run(a.id, al.alias, matchKey(al.alias), al.language, al.aliasType, al.designatedBy, al.validFrom, al.validTo, al.ambiguous ? 1 : 0)
    for (const r of a.relations) insertRelation.run(a.id, r.type, r.to, r.date, r.to)
  }
  return added.length
}
