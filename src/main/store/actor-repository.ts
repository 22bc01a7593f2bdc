import type { Actor, ActorAlias, ActorMention, ActorStatus, AliasType } from '../../shared/domain'
import type { AliasInput } from '../../shared/actors/actor-schema'
import { matchKey } from '../../shared/text/fold-text'
import { groupBy } from './group-by'
import type { Db } from './open-project-db'

interface ActorRow {
  id: string
  name: string
  kind: string
  type: string
  country: string
  parent_id: string | null
  external_ids: string
  status: string
  merged_into: string | null
  notes: string
  created_by: string
  created_at: string
  mention_count: number
}

interface AliasRow {
  id: number
  actor_id: string
  alias: string
  match_key: string
  language: string
  alias_type: string
  designated_by: string
  valid_from: string
  valid_to: string
  ambiguous: number
}

export interface NewActor {
  id: string
  name: string
  kind: string
  type: string
  country: string
  parentId: string | null
  externalIds: Record<string, string>
  status: ActorStatus
  notes: string
  createdBy: string
}

const ACTOR_SELECT = `SELECT a.*, (SELECT count(*) FROM mention m WHERE m.actor_id = a.id) AS mention_count FROM actor a`

/** SQL for the actor registry: canonical actors, their aliases, and the tags that mention them. */
/** A mentioning tag's first fragment, in code points. */
export type MentionRow = Omit<ActorMention, 'before' | 'after'> & { start: number; end: number }

export class ActorRepository {
  constructor(private readonly db: Db) {}

  get(id: string): Actor | null {
    const row = this.db.prepare<[string], ActorRow>(`${ACTOR_SELECT} WHERE a.id = ?`).get(id)
    return row ? this.hydrate([row])[0]! : null
  }

  /** Every actor, merged tombstones included, in the order they were made: what an export carries. */
  all(): Actor[] {
    return this.hydrate(this.db.prepare<[], ActorRow>(`${ACTOR_SELECT} ORDER BY a.created_at, a.id`).all())
  }

  /** Live actors (not merged away) whose name or an alias contains the folded query, by name. */
  list(query: string, limit: number): Actor[] {
    const key = matchKey(query)
    const rows = key
      ? this.db
          .prepare<[string, string, number], ActorRow>(
            `${ACTOR_SELECT} WHERE a.status != 'merged' AND (instr(lower(a.name), ?) > 0 OR a.id IN (SELECT actor_id FROM actor_alias WHERE instr(match_key, ?) > 0))
             ORDER BY a.name COLLATE NOCASE LIMIT ?`
          )
          .all(query.trim().toLowerCase(), key, limit)
      : this.db.prepare<[number], ActorRow>(`${ACTOR_SELECT} WHERE a.status != 'merged' ORDER BY a.name COLLATE NOCASE LIMIT ?`).all(limit)
    return this.hydrate(rows)
  }

  /** Aliases of live actors whose match key contains `key` or is contained in it ("the gulf clan" holds "gulf clan"). */
  aliasesMatching(key: string): (ActorAlias & { actorId: string; matchKey: string })[] {
    return this.db
      .prepare<[{ key: string }], AliasRow>(
        `SELECT al.* FROM actor_alias al JOIN actor a ON a.id = al.actor_id WHERE a.status != 'merged' AND (instr(al.match_key, @key) > 0 OR instr(@key, al.match_key) > 0)`
      )
      .all({ key })
      .map((r) => ({ ...toAlias(r), actorId: r.actor_id, matchKey: r.match_key }))
  }

  /** Aliases of other live actors with this match key: a new alias that equals one of them collides. */
  aliasesWithKey(key: string, exceptActorId: string | null): (ActorAlias & { actorId: string; actorName: string })[] {
    return this.db
      .prepare<[string, string], AliasRow & { actor_name: string }>(
        `SELECT al.*, a.name AS actor_name FROM actor_alias al JOIN actor a ON a.id = al.actor_id
         WHERE al.match_key = ? AND a.status != 'merged' AND a.id != ?`
      )
      .all(key, exceptActorId ?? '')
      .map((r) => ({ ...toAlias(r), actorId: r.actor_id, actorName: r.actor_name }))
  }

  insert(a: NewActor): void {
    const now = new Date().toISOString()
    this.db
      .prepare(
        `INSERT INTO actor (id, name, kind, type, country, parent_id, external_ids, status, notes, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(a.id, a.name, a.kind, a.type, a.country, a.parentId, JSON.stringify(a.externalIds), a.status, a.notes, a.createdBy, now, now)
  }

  update(id: string, f: Omit<NewActor, 'id' | 'createdBy' | 'status'> & { status: ActorStatus }): void {
    this.db
      .prepare(
        `UPDATE actor SET name = ?, kind = ?, type = ?, country = ?, parent_id = ?, external_ids = ?, status = ?, notes = ?, updated_at = ? WHERE id = ?`
      )
      .run(f.name, f.kind, f.type, f.country, f.parentId, JSON.stringify(f.externalIds), f.status, f.notes, new Date().toISOString(), id)
  }

  addAlias(actorId: string, al: Required<AliasInput>): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO actor_alias (actor_id, alias, match_key, language, alias_type, designated_by, valid_from, valid_to, ambiguous)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
        )
        .run(actorId, al.alias, matchKey(al.alias), al.language, al.aliasType, al.designatedBy, al.validFrom, al.validTo, al.ambiguous ? 1 : 0).lastInsertRowid
    )
  }

  alias(aliasId: number): (ActorAlias & { actorId: string }) | null {
    const r = this.db.prepare<[number], AliasRow>('SELECT * FROM actor_alias WHERE id = ?').get(aliasId)
    return r ? { ...toAlias(r), actorId: r.actor_id } : null
  }

  removeAlias(aliasId: number): void {
    this.db.prepare('DELETE FROM actor_alias WHERE id = ?').run(aliasId)
  }

  /** One typed, dated relation from one actor to another; the primary key refuses the same one twice. */
  addRelation(r: { from: string; type: string; to: string; date: string }): void {
    this.db.prepare('INSERT INTO actor_relation (from_id, type, to_id, date) VALUES (@from, @type, @to, @date)').run(r)
  }

  /** Removes one relation; false when there was none. */
  removeRelation(r: { from: string; type: string; to: string }): boolean {
    return this.db.prepare('DELETE FROM actor_relation WHERE from_id = @from AND type = @type AND to_id = @to').run(r).changes > 0
  }

  /**
   * Moves the aliases of `fromId` that `intoId` lacks onto it, re-parents children and repoints relations both
   * ways (dropping any that would duplicate one or relate the actor to itself); merged_into rows stay as they are.
   */
  absorb(fromId: string, intoId: string): void {
    this.db
      .prepare(
        `UPDATE actor_alias SET actor_id = @into WHERE actor_id = @from AND match_key NOT IN (SELECT match_key FROM actor_alias WHERE actor_id = @into)`
      )
      .run({ into: intoId, from: fromId })
    this.db.prepare('UPDATE actor SET parent_id = ? WHERE parent_id = ?').run(intoId, fromId)
    const ids = { into: intoId, from: fromId }
    this.db.prepare(`UPDATE OR IGNORE actor_relation SET from_id = @into WHERE from_id = @from AND type != 'merged_into' AND to_id != @into`).run(ids)
    this.db.prepare(`UPDATE OR IGNORE actor_relation SET to_id = @into WHERE to_id = @from AND type != 'merged_into' AND from_id != @into`).run(ids)
    this.db.prepare(`DELETE FROM actor_relation WHERE (from_id = @from OR to_id = @from) AND type != 'merged_into'`).run(ids)
    this.db.prepare('UPDATE actor SET status = ?, merged_into = ?, updated_at = ? WHERE id = ?').run('merged', intoId, new Date().toISOString(), fromId)
    this.db.prepare("INSERT OR IGNORE INTO actor_relation (from_id, type, to_id, date) VALUES (?, 'merged_into', ?, ?)").run(fromId, intoId, new Date().toISOString().slice(0, 10))
  }

  /** Ids of the tags whose actor attributes point at this actor. */
  mentioningTags(actorId: string): string[] {
    return this.db.prepare<[string], { annotation_id: string }>('SELECT DISTINCT annotation_id FROM mention WHERE actor_id = ?').all(actorId).map((r) => r.annotation_id)
  }

  /** The tags that mention an actor across the corpus, article by article, each with its first fragment's place. */
  mentions(actorId: string, limit: number): MentionRow[] {
    return this.db
      .prepare<[string, number], MentionRow>(
        `SELECT n.id AS annotationId, n.article_id AS articleId, ar.title, n.label, f.start, f.end, f.quote
         FROM mention m JOIN annotation n ON n.id = m.annotation_id JOIN article ar ON ar.id = n.article_id
         JOIN fragment f ON f.article_id = n.article_id AND f.annotation_id = n.id AND f.idx = 0
         WHERE m.actor_id = ? GROUP BY n.id ORDER BY n.article_id, n.start LIMIT ?`
      )
      .all(actorId, limit)
  }

  private hydrate(rows: ActorRow[]): Actor[] {
    if (rows.length === 0) return []
    const ids = JSON.stringify(rows.map((r) => r.id))
    const aliases = this.db.prepare<[string], AliasRow>('SELECT * FROM actor_alias WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(ids)
    const relations = this.db
      .prepare<[string], { from_id: string; type: string; to_id: string; date: string }>('SELECT * FROM actor_relation WHERE from_id IN (SELECT value FROM json_each(?))')
      .all(ids)
    const aliasesOf = groupBy(aliases, (a) => a.actor_id)
    const relationsOf = groupBy(relations, (x) => x.from_id)
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as Actor['kind'],
      type: r.type,
      country: r.country,
      parentId: r.parent_id,
      externalIds: JSON.parse(r.external_ids) as Record<string, string>,
      status: r.status as ActorStatus,
      mergedInto: r.merged_into,
      notes: r.notes,
      createdBy: r.created_by,
      createdAt: r.created_at,
      aliases: (aliasesOf.get(r.id) ?? []).map(toAlias),
      relations: (relationsOf.get(r.id) ?? []).map((x) => ({ type: x.type, to: x.to_id, date: x.date })),
      mentionCount: r.mention_count
    }))
  }
}


function toAlias(r: AliasRow): ActorAlias {
  return {
    id: r.id,
    alias: r.alias,
    language: r.language,
    aliasType: r.alias_type as AliasType,
    designatedBy: r.designated_by,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    ambiguous: r.ambiguous === 1
  }
}
