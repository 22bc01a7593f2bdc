import type { Actor } from '../../../shared/domain'
import { acledInter } from './acled-inter'
import type { Row } from './table-spec'

/** The actors, aliases and actor_relations tables' rows for one registry actor (tombstones included). */
export function registryRows(actor: Actor, actors: Map<string, Actor>): { actor: Row; aliases: Row[]; relations: Row[] } {
  return {
    actor: {
      actor_id: actor.id,
      name: actor.name,
      kind: actor.kind,
      type: actor.type,
      inter: acledInter(actor.type),
      country: actor.country,
      parent_id: actor.parentId,
      parent_name: actor.parentId ? (actors.get(actor.parentId)?.name ?? null) : null,
      external_ids: actor.externalIds,
      status: actor.status,
      merged_into: actor.mergedInto,
      notes: actor.notes,
      created_by: actor.createdBy,
      created_at: actor.createdAt,
      mention_count: actor.mentionCount
    },
    aliases: actor.aliases.map((a) => ({
      actor_id: actor.id,
      actor_name: actor.name,
      alias: a.alias,
      language: a.language,
      alias_type: a.aliasType,
      designated_by: a.designatedBy,
      valid_from: a.validFrom,
      valid_to: a.validTo,
      ambiguous: a.ambiguous
    })),
    relations: actor.relations.map((r) => ({ actor_id: actor.id, type: r.type, to_actor_id: r.to, date: r.date }))
  }
}
