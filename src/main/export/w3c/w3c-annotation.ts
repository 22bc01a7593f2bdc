import type { Actor, Fragment } from '../../../shared/domain'
import { quoteRange, type ArticleOffsets } from '../../../shared/offsets'
import type { ExportAnnotation } from '../export-dataset'
import { W3C_CONTEXT, actorIri, annotatorIri, linkIri, tagIri, wikidataIri } from './w3c-iris'

/** What every annotation of one article shares. */
export interface W3cArticleScope {
  offsets: ArticleOffsets
  source: string
  /** The web page the text came from, stated as the target's scope. */
  url: string
  quotes: boolean
}

type Json = Record<string, unknown>

/** One tag as a W3C Annotation: label, actor identities, attributes, note and status as bodies; one target per fragment. */
export function tagAnnotation(a: ExportAnnotation, scope: W3cArticleScope, actorIds: string[], actors: Map<string, Actor>): Json {
  const body: Json[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }]
  for (const id of actorIds) body.push({ type: 'SpecificResource', purpose: 'identifying', source: actorSource(id, actors) })
  if (Object.keys(a.attributes).length > 0) {
    // one JSON body keeps every attribute's value and type exactly, which several TextualBodies could not
    body.push({ type: 'TextualBody', purpose: 'describing', format: 'application/json', value: JSON.stringify(a.attributes) })
  }
  if (a.note) body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: a.note })
  body.push({ type: 'TextualBody', purpose: 'assessing', value: a.status })
  return {
    '@context': W3C_CONTEXT,
    id: tagIri(a.id),
    type: 'Annotation',
    motivation: 'tagging',
    creator: creator(a),
    created: a.createdAt,
    modified: a.updatedAt,
    body,
    target: a.fragments.map((f) => target(f, scope))
  }
}

/** A typed link between two tags: a linking annotation whose targets are the two tags, from first. */
export function linkAnnotation(a: ExportAnnotation, type: string, to: string): Json {
  return {
    '@context': W3C_CONTEXT,
    id: linkIri(a.id, type, to),
    type: 'Annotation',
    motivation: 'linking',
    creator: creator(a),
    body: { type: 'TextualBody', purpose: 'tagging', value: type },
    target: [tagIri(a.id), tagIri(to)]
  }
}

function creator(a: ExportAnnotation): Json {
  return { id: annotatorIri(a.annotatorId), type: 'Person', name: a.annotatorName || a.annotatorId }
}

function actorSource(id: string, actors: Map<string, Actor>): string {
  const wikidata = actors.get(id)?.externalIds['wikidata']
  return (wikidata && wikidataIri(wikidata)) || actorIri(id)
}

function target(f: Fragment, scope: W3cArticleScope): Json {
  const range = { start: f.start, end: f.end }
  const position = { type: 'TextPositionSelector', start: f.start, end: f.end }
  let selector: Json | Json[] = position
  if (scope.quotes) {
    const q = quoteRange(scope.offsets, range)
    selector = [{ type: 'TextQuoteSelector', exact: q.quote, prefix: q.prefix, suffix: q.suffix }, position]
  }
  return { type: 'SpecificResource', source: scope.source, ...(scope.url ? { scope: scope.url } : {}), selector }
}
