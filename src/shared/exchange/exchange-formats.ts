/** The formats Spanwise writes; each says its offset unit and what it cannot carry, in the dialog, the CLI and the manifest. */
export const EXPORT_FORMATS = ['native', 'csv', 'tables-jsonl', 'brat', 'w3c', 'conll', 'doccano', 'label-studio', 'refi-qda', 'spacy', 'pack'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The formats Spanwise reads annotated articles from. */
export const IMPORT_FORMATS = ['native', 'brat', 'doccano', 'label-studio', 'w3c', 'refi-qda', 'pack'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export type OffsetUnit = 'codepoint' | 'utf16' | 'token'

const UNIT_NAMES: Record<OffsetUnit, string> = { codepoint: 'Unicode code points', utf16: 'UTF-16 code units', token: 'tokens' }

/** The sentence the export dialog shows after a format's summary: summaries leave the offset unit to it. */
export function offsetsSentence(unit: OffsetUnit): string {
  return `Offsets: ${UNIT_NAMES[unit]}, end exclusive.`
}

export interface FormatInfo {
  title: string
  /** What the files are for, one line; the offset unit and what is lost are stated apart (unit, drops). */
  summary: string
  unit: OffsetUnit
  /** What this format cannot carry; stated in the dialog and the manifest. */
  drops: string[]
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  native: {
    title: 'Spanwise JSONL (lossless)',
    summary: 'One article per line with every tag, fragment, attribute, link, note, actor and time, and the review records (adjudication decisions, tag comments, coders’ done marks); a project can be rebuilt from it.',
    unit: 'codepoint',
    drops: []
  },
  csv: {
    title: 'Analysis tables (CSV)',
    summary: 'Documents, annotations, ACLED-style events, event actors, claims, relations, adjudication decisions, actors, aliases and actor relations as RFC 4180 CSV (CRLF, UTF-8) for R, pandas or Excel.',
    unit: 'codepoint',
    drops: [
      'fragments are joined into one row per tag (each fragment listed in the fragments column)',
      'text cells starting with = + - @, tab, CR or NUL get a leading apostrophe so spreadsheets do not run them (numbers are never changed)',
      'actor1/actor2 are derived from role links by a stated rule (README.md)'
    ]
  },
  'tables-jsonl': {
    title: 'Analysis tables (JSONL)',
    summary: 'The same tables as the CSV export, one JSON object per row, typed (numbers, booleans, lists, null).',
    unit: 'codepoint',
    drops: ['fragments are joined into one row per tag (each fragment listed in the fragments column)', 'actor1/actor2 are derived from role links by a stated rule (README.md)']
  },
  brat: {
    title: 'brat standoff',
    summary: '.txt and .ann per article, with annotation.conf and visual.conf generated from the codebook; Event and Claim tags become brat events whose arguments are their links.',
    unit: 'codepoint',
    drops: [
      'tag status, coder and times (tags by several coders share one .ann)',
      'free-text, number, date and tag-reference attributes are written as a "spanwise-attributes {…}" note',
      'labels that are not valid brat type names are renamed (visual.conf keeps the original names)',
      'tags crossing line breaks are cut there, as brat requires'
    ]
  },
  w3c: {
    title: 'W3C Web Annotation (JSON-LD)',
    summary: 'An AnnotationCollection (annotations.jsonld) with one AnnotationPage per article, TextQuote and TextPosition selectors, links as linking annotations, and the texts with a sources.jsonl index so it can be imported again.',
    unit: 'codepoint',
    drops: ['the codebook version a tag was coded with', 'links to tags the filter leaves out']
  },
  conll: {
    title: 'CoNLL-2003 (IOB2)',
    summary: 'One token per line (token -X- _ TAG) with IOB2 tags, for NER training; every lossy step listed per tag in conll-report.jsonl.',
    unit: 'token',
    drops: [
      'overlapping and nested tags (the first in text order wins, the longest on a tie)',
      'discontinuous fragments after the first',
      'span edges inside a token (widened to whole tokens)',
      'spaces in labels (written as _)',
      'relations',
      'attributes',
      'notes'
    ]
  },
  doccano: {
    title: 'doccano JSONL',
    summary: 'One <coder>.jsonl per coder as doccano exports a project; relation-extraction form (entities + relations) when the codebook has relations, else sequence labelling.',
    unit: 'utf16',
    drops: ['attributes', 'tag notes, statuses and times', 'discontinuous fragments (each becomes its own span)', 'label hierarchy', 'links, when the codebook defines no relations']
  },
  'label-studio': {
    title: 'Label Studio JSON',
    summary: 'tasks.json with one annotation per coder (regions, per-region attribute results, relations) and label_config.xml generated from the codebook.',
    unit: 'utf16',
    drops: ['discontinuous fragments (each becomes its own region, ids <tag>#2…)', 'per-tag times (one per coder’s annotation)', 'links between different coders’ tags', 'label hierarchy']
  },
  'refi-qda': {
    title: 'REFI-QDA project (.qdpx) and codebook (.qdc)',
    summary: 'For NVivo, ATLAS.ti, MAXQDA and QualCoder: project.qdpx (project.qde + each article as a UTF-8 text) and codebook.qdc; every coder’s codings kept apart.',
    unit: 'codepoint',
    drops: [
      'discontinuous tags become one selection per fragment (Spanwise joins them again through the tag’s note)',
      'attributes are written as "key: value" lines in the tag’s note (QDA tools show them as text)',
      'tag status and codebook version',
      'relation definitions (links keep their type as the link name)',
      'the actor registry (actor attributes keep the registry id)',
      'article metadata other than title, memo, source, URL, publication date and language'
    ]
  },
  spacy: {
    title: 'spaCy-ready JSONL',
    summary: 'spans.jsonl with text, spans and non-overlapping ents, plus to_docbin.py to build a spaCy DocBin.',
    unit: 'codepoint',
    drops: [
      'relations',
      'attributes other than actor ids (kb_id)',
      'discontinuous fragments (each becomes its own span)',
      'overlapping spans stay in spans but not in ents (the first in text order wins)'
    ]
  },
  pack: {
    title: 'Annotation pack (.spanpack)',
    summary: 'One zip file with your own tags (fragments, attributes, links, notes) on the chosen articles, your name and id, the codebook and each article’s content hash, for a colleague to import as your layer.',
    unit: 'codepoint',
    drops: ['other coders’ tags', 'article text, unless asked for', 'the actor registry, except the actors your tags name']
  }
}
