/** The IRIs a W3C export names things by, and their inverses for import; the parts are percent-encoded so any id fits. */
export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ARTICLE = 'urn:spanwise:article:'
const ANNOTATOR = 'urn:spanwise:annotator:'
const TAG = 'urn:spanwise:tag:'
const ACTOR = 'urn:spanwise:actor:'

export const articleIri = (uid: string): string => ARTICLE + encodeURIComponent(uid)
export const annotatorIri = (id: string): string => ANNOTATOR + encodeURIComponent(id)
export const actorIri = (id: string): string => ACTOR + encodeURIComponent(id)

/** Tag ids are UUIDs in practice (urn:uuid:…); an imported tag's derived id gets our own namespace. */
export const tagIri = (id: string): string => (UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : TAG + encodeURIComponent(id))

export const linkIri = (from: string, type: string, to: string): string =>
  `urn:spanwise:link:${encodeURIComponent(from)}:${encodeURIComponent(type)}:${encodeURIComponent(to)}`

/** A Wikidata QID or entity URL as the entity IRI, or null if it is neither. */
export function wikidataIri(value: string): string | null {
  const id = /^(?:https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/)?(Q\d+)$/.exec(value.trim())
  return id ? `https://www.wikidata.org/entity/${id[1]}` : null
}

function after(prefix: string, iri: string): string | null {
  if (!iri.startsWith(prefix)) return null
  try {
    return decodeURIComponent(iri.slice(prefix.length))
  } catch {
    return null
  }
}

export const articleUidOf = (iri: string): string | null => after(ARTICLE, iri)
export const annotatorIdOf = (iri: string): string | null => after(ANNOTATOR, iri)

/** The tag id an annotation IRI names (the inverse of tagIri), or null for another tool's IRI. */
export function tagIdOf(iri: string): string | null {
  const uuid = /^urn:uuid:(.+)$/i.exec(iri)?.[1]
  return uuid && UUID.test(uuid) ? uuid.toLowerCase() : after(TAG, iri)
}
