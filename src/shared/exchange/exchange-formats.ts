/** The formats Spanwise writes; each says its offset unit and what it cannot carry, in the dialog, the CLI and the manifest. */
export const EXPORT_FORMATS = ['native', 'csv', 'tables-jsonl', 'brat', 'w3c', 'conll', 'doccano', 'label-studio', 'refi-qda', 'spacy'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The formats Spanwise reads annotated articles from. */
export const IMPORT_FORMATS = ['native', 'brat', 'doccano', 'label-studio', 'w3c', 'refi-qda'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export type OffsetUnit = 'codepoint' | 'utf16' | 'token'

export interface FormatInfo {
  title: string
  /** What the files are for, one line. */
  summary: string
  unit: OffsetUnit
  /** What this format cannot carry; stated in the dialog and the manifest. */
  drops: string[]
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  native: {
    title: 'Spanwise JSONL (lossless)',
    summary: 'One article per line with every tag, fragment, attribute, link, note, actor and time; a project can be rebuilt from it.',
    unit: 'codepoint',
    drops: []
  },
  csv: {
    title: 'Analysis tables (CSV)',
    summary: 'Documents, annotations, ACLED-style events, event actors, claims, relations, actors, aliases and actor relations as RFC 4180 CSV (CRLF, UTF-8) for R, pandas or Excel.',
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
    summary: '.txt and .ann per article, with annotation.conf generated from the codebook.',
    unit: 'codepoint',
    drops: ['tag status and times', 'free-text, number and date attributes are written as notes']
  },
  w3c: {
    title: 'W3C Web Annotation (JSON-LD)',
    summary: 'An AnnotationCollection per export with TextQuote and TextPosition selectors; links as linking annotations.',
    unit: 'codepoint',
    drops: ['attributes other than actor links are written as a commenting body']
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
    summary: 'Sequence-labelling or relation-extraction JSONL as doccano imports it.',
    unit: 'utf16',
    drops: ['attributes', 'discontinuous fragments (each becomes its own span)', 'label hierarchy']
  },
  'label-studio': {
    title: 'Label Studio JSON',
    summary: 'Tasks with one annotation per coder; relations and choices as Label Studio results.',
    unit: 'utf16',
    drops: ['discontinuous fragments (each becomes its own region)']
  },
  'refi-qda': {
    title: 'REFI-QDA project (.qdpx) and codebook (.qdc)',
    summary: 'For NVivo, ATLAS.ti, MAXQDA and QualCoder; every coder’s codings kept apart.',
    unit: 'codepoint',
    drops: ['attributes (written into the coding’s note)', 'relation types (links keep their name only)']
  },
  spacy: {
    title: 'spaCy-ready JSONL',
    summary: 'spans.jsonl with text, spans and non-overlapping ents in code-point offsets, plus to_docbin.py to build a spaCy DocBin.',
    unit: 'codepoint',
    drops: [
      'relations',
      'attributes other than actor ids (kb_id)',
      'discontinuous fragments (each becomes its own span)',
      'overlapping spans stay in spans but not in ents (the first in text order wins)'
    ]
  }
}
