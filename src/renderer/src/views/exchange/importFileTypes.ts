import type { ImportFormat } from '@shared/exchange/exchange-formats'
import type { PathFilter } from '@shared/pick-paths'

/** The files each import format's reader looks for (src/main/import/annotated), offered first in its file dialog. */
export const IMPORT_FILE_TYPES: Record<ImportFormat, PathFilter> = {
  native: { name: 'Spanwise JSONL', extensions: ['jsonl', 'ndjson'] },
  brat: { name: 'brat standoff', extensions: ['ann', 'txt'] },
  doccano: { name: 'doccano export', extensions: ['jsonl', 'json', 'zip'] },
  'label-studio': { name: 'Label Studio JSON', extensions: ['json'] },
  w3c: { name: 'W3C Web Annotation', extensions: ['jsonld', 'json'] },
  'refi-qda': { name: 'REFI-QDA project or codebook', extensions: ['qdpx', 'qde', 'qdc'] },
  pack: { name: 'Annotation pack', extensions: ['spanpack'] }
}
