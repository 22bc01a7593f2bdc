import type { ExportAnnotation, ExportArticle } from '../export-dataset'
import { acledActors } from './acled-actors'
import { acledInter } from './acled-inter'
import { attributeCell } from './attribute-columns'
import { type MentionActor, isActorMention, mentionActor } from './mention-actor'
import { tagQuote } from './tag-quote'
import type { TablesContext } from './tables-context'
import type { Row } from './table-spec'

const TIME_PRECISION: Record<string, number> = { day: 1, week: 2, month: 3 }
const text = (v: unknown) => attributeCell(v, 'text') as string | null
const num = (v: unknown) => attributeCell(v, 'number') as number | null

/** An event's row of the ACLED-style events table and its rows of the long event_actors table. */
export function eventRows(event: ExportAnnotation, article: ExportArticle, tc: TablesContext, byId: Map<string, ExportAnnotation>): { event: Row; actors: Row[] } {
  const a = event.attributes
  const roles = new Map<string, MentionActor[]>()
  const actorRows: Row[] = []
  let place: ExportAnnotation | undefined
  for (const link of event.links) {
    const target = byId.get(link.to)
    if (!target) continue
    if (link.type === 'located_at' && !place) place = target
    if (!isActorMention(target, tc)) continue
    const mention = mentionActor(target, tc)
    const list = roles.get(link.type) ?? []
    list.push(mention)
    roles.set(link.type, list)
    actorRows.push({
      event_id: event.id,
      article_id: article.id,
      article_uid: article.uid,
      role: link.type,
      role_order: list.length,
      actor_tag_id: target.id,
      surface_form: tagQuote(target),
      actor_id: mention.actor?.id ?? null,
      actor_name: mention.actor?.name ?? null,
      inter: mention.actor ? acledInter(mention.actor.type) : null
    })
  }
  const dateStart = text(a.date_start)
  const precision = text(a.date_precision)
  const row: Row = {
    event_id: event.id,
    article_id: article.id,
    article_uid: article.uid,
    event_date: dateStart,
    year: dateStart && /^\d{4}/.test(dateStart) ? Number(dateStart.slice(0, 4)) : null,
    date_start: dateStart,
    date_end: text(a.date_end),
    date_precision: precision,
    time_precision: precision ? (TIME_PRECISION[precision] ?? null) : null,
    event_type: text(a.event_type),
    sub_event_type: text(a.sub_event_type),
    ...acledActors(roles),
    civilian_targeting: attributeCell(a.civilian_targeting, 'boolean'),
    location: place ? tagQuote(place) : text(a.location_text),
    location_text: text(a.location_text),
    place_tag_id: place?.id ?? null,
    country: text(place?.attributes.country),
    admin1: text(place?.attributes.admin1),
    admin2: text(place?.attributes.admin2),
    geo_precision: text(a.geo_precision),
    fatalities: num(a.fatalities_reported),
    fatalities_low: num(a.fatalities_low),
    fatalities_high: num(a.fatalities_high),
    injured_reported: num(a.injured_reported),
    attribution: text(a.attribution),
    report_kind: text(a.report_kind),
    certainty: text(a.certainty),
    tags: attributeCell(a.tags, 'list'),
    notes: text(a.summary) ?? tagQuote(event),
    quote: tagQuote(event),
    source: article.source,
    source_url: article.url,
    published: article.published,
    annotator_id: event.annotatorId,
    annotator_name: event.annotatorName,
    status: event.status,
    codebook_version: event.codebookVersion
  }
  return { event: row, actors: actorRows }
}
