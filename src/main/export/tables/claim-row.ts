import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { attributeCell } from './attribute-columns'
import { isActorMention, mentionActor } from './mention-actor'
import { tagQuote } from './tag-quote'
import type { TablesContext } from './tables-context'
import { CLAIM_ACTOR_ROLES, claimAttributeColumns } from './tables-layout'
import type { Row } from './table-spec'

// political claims analysis codes position toward the issue as +1 / 0 / −1
const POSITION_NUM: Record<string, number> = { support: 1, neutral_or_ambivalent: 0, oppose: -1 }

/** The claims table's row for a Claim tag: claimant, addressee and object actors via its links, and its attributes. */
export function claimRow(claim: ExportAnnotation, article: ExportArticle, tc: TablesContext, byId: Map<string, ExportAnnotation>): Row {
  const row: Row = { claim_id: claim.id, article_id: article.id, article_uid: article.uid }
  for (const role of CLAIM_ACTOR_ROLES) {
    const mentions = claim.links
      .filter((l) => l.type === role)
      .map((l) => byId.get(l.to))
      .filter((t): t is ExportAnnotation => t !== undefined && isActorMention(t, tc))
      .map((t) => mentionActor(t, tc))
    row[role] = mentions.map((m) => m.name)
    row[`${role}_actor_ids`] = mentions.map((m) => m.actor?.id ?? '')
    row[`${role}_surface`] = mentions.map((m) => tagQuote(m.tag))
  }
  row.about_event = claim.links.filter((l) => l.type === 'about_event').map((l) => l.to)
  row.responds_to = claim.links.find((l) => l.type === 'responds_to')?.to ?? null
  for (const { key, column } of claimAttributeColumns(tc)) row[column.name] = attributeCell(claim.attributes[key], column.kind)
  const position = claim.attributes.position
  row.position_num = typeof position === 'string' ? (POSITION_NUM[position] ?? null) : null
  row.quote = tagQuote(claim)
  row.annotator_id = claim.annotatorId
  row.annotator_name = claim.annotatorName
  row.status = claim.status
  row.codebook_version = claim.codebookVersion
  return row
}
