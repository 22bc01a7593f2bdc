import { attributeTableColumns, labelSlug } from './attribute-columns'
import type { TablesContext } from './tables-context'
import { type Column, type TableSpec, columns } from './table-spec'

/** The tables written per article, in file order; the registry tables follow in end(). */
export const ARTICLE_TABLES = ['documents', 'annotations', 'events', 'event_actors', 'claims', 'relations', 'adjudications'] as const
export const REGISTRY_TABLES = ['actors', 'aliases', 'actor_relations'] as const
export type TableName = (typeof ARTICLE_TABLES)[number] | (typeof REGISTRY_TABLES)[number]

/** The label whose tags become rows of the events and claims tables (the default codebook's names). */
export const EVENT_LABEL = 'Event'
export const CLAIM_LABEL = 'Claim'

/** The claim roles (links from a Claim to actor mentions) that get name, id and surface-form columns. */
export const CLAIM_ACTOR_ROLES = ['claimant', 'addressee', 'object_actor'] as const

const CLAIM_FIXED = columns(
  'claim_id', 'article_id:number', 'article_uid',
  ...CLAIM_ACTOR_ROLES.flatMap((r) => [`${r}:list`, `${r}_actor_ids:list`, `${r}_surface:list`]),
  'about_event:list', 'responds_to'
)

/** Claim attributes by key (prefixed attr_ if a key would clash with a fixed column). */
export function claimAttributeColumns(tc: TablesContext): { key: string; column: Column }[] {
  const taken = new Set(CLAIM_FIXED.map((c) => c.name))
  return tc.attributes
    .filter((a) => a.label === CLAIM_LABEL)
    .map((a) => ({ key: a.key, column: { name: taken.has(a.key) ? `attr_${a.key}` : a.key, kind: a.kind } }))
}

/** Every table's columns; the CSV and JSONL writers both write exactly these. */
export function tableSpecs(tc: TablesContext): Record<TableName, TableSpec> {
  const quotes = tc.ctx.options.quotes ? ['quote', 'prefix', 'suffix'] : []
  const spec = (name: TableName, cols: Column[]): TableSpec => ({ name, columns: cols })
  return {
    documents: spec('documents', [
      ...columns('article_id:number', 'uid', 'title', 'source', 'url', 'published', 'language', 'status', 'file_name', 'hash', 'char_count:number', 'tag_count:number'),
      ...tc.labels.map((l) => ({ name: `tags_${labelSlug(l)}`, kind: 'number' as const })),
      ...columns('note', 'imported_at', 'metadata:json')
    ]),
    annotations: spec('annotations', [
      ...columns('tag_id', 'article_id:number', 'article_uid', 'label', 'start:number', 'end:number', 'fragments', 'fragment_count:number', ...quotes),
      ...columns('annotator_id', 'annotator_name', 'status', 'note', 'created_at', 'updated_at', 'codebook_version:number', 'missing:list', 'attributes:json'),
      ...attributeTableColumns(tc.attributes)
    ]),
    events: spec('events', columns(
      'event_id', 'article_id:number', 'article_uid', 'event_date', 'year:number', 'date_start', 'date_end', 'date_precision', 'time_precision:number',
      'event_type', 'sub_event_type', 'actor1', 'actor1_id', 'assoc_actor_1', 'inter1:number', 'actor2', 'actor2_id', 'assoc_actor_2', 'inter2:number',
      'interaction:number', 'civilian_targeting:boolean', 'location', 'location_text', 'place_tag_id', 'country', 'admin1', 'admin2', 'geo_precision',
      'fatalities:number', 'fatalities_low:number', 'fatalities_high:number', 'injured_reported:number', 'attribution', 'report_kind', 'certainty', 'tags:list',
      'notes', 'quote', 'source', 'source_url', 'published', 'annotator_id', 'annotator_name', 'status', 'codebook_version:number'
    )),
    event_actors: spec('event_actors', columns(
      'event_id', 'article_id:number', 'article_uid', 'role', 'role_order:number', 'actor_tag_id', 'surface_form', 'actor_id', 'actor_name', 'inter:number'
    )),
    claims: spec('claims', [
      ...CLAIM_FIXED,
      ...claimAttributeColumns(tc).map((c) => c.column),
      ...columns('position_num:number', 'quote', 'annotator_id', 'annotator_name', 'status', 'codebook_version:number')
    ]),
    relations: spec('relations', columns(
      'article_id:number', 'article_uid', 'from_tag_id', 'from_label', 'from_quote', 'type', 'to_tag_id', 'to_label', 'to_quote', 'to_exported:boolean'
    )),
    adjudications: spec('adjudications', columns(
      'decision_id', 'article_id:number', 'article_uid', 'decision', 'candidate_tag_ids:list', 'candidate_annotators:list', 'candidate_labels:list',
      'chosen_tag_id', 'gold_tag_id', 'gold_exists:boolean', 'reason', 'guideline', 'decided_by_id', 'decided_by_name', 'decided_at'
    )),
    actors: spec('actors', columns(
      'actor_id', 'name', 'kind', 'type', 'inter:number', 'country', 'parent_id', 'parent_name', 'external_ids:json', 'status', 'merged_into', 'notes',
      'created_by', 'created_at', 'mention_count:number'
    )),
    aliases: spec('aliases', columns('actor_id', 'actor_name', 'alias', 'language', 'alias_type', 'designated_by', 'valid_from', 'valid_to', 'ambiguous:boolean')),
    actor_relations: spec('actor_relations', columns('actor_id', 'type', 'to_actor_id', 'date'))
  }
}
