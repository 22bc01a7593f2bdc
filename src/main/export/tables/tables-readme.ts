import type { ExportContext } from '../export-dataset'
import { ACLED_ACTOR_RULE } from './acled-actors'
import { FRAGMENT_QUOTE_SEPARATOR } from './tag-quote'
import type { TableSpec } from './table-spec'

const PURPOSE: Record<string, string> = {
  documents: 'one row per article: metadata, length in code points, exported tags per label (tags_<label>)',
  annotations: 'one row per tag: span, fragments, quote, coder, status, times, codebook version, attributes',
  events: 'one row per Event tag (one report of an event; not consolidated across articles), ACLED-style columns',
  event_actors: 'long format: one row per link from an Event to an actor mention (role = link type)',
  claims: 'one row per Claim tag: claimant, addressee and object actors via links, claim attributes, position_num (+1/0/-1)',
  relations: 'one row per link between tags',
  adjudications: 'one row per adjudication decision (accept, merge, edit, reject): the candidate tags it chose between, the gold tag it made, who, when and why',
  actors: 'the actor registry, merged tombstones included',
  aliases: 'one row per actor alias',
  actor_relations: 'relations between registry actors (splinter_of, merged_into …)'
}

/** The export folder's README: units, encoding, every table's columns and the rules used to derive them. */
export function tablesReadme(ctx: ExportContext, specs: TableSpec[], extension: string, encoding: string[]): string {
  const lines = [
    `# ${ctx.projectName}: analysis tables`,
    '',
    `Exported by Spanwise on ${ctx.exportedAt} (codebook version ${ctx.codebookVersion}). Column types are listed in tables.json.`,
    '',
    '## Offsets',
    '',
    '`start`/`end` are Unicode code point offsets into the article’s canonical text (NFC, "\\n" line ends), end exclusive: Python’s `text[start:end]`.',
    `A discontinuous tag has one row: \`start\` is its first fragment’s start, \`end\` its last fragment’s end, \`fragments\` lists every fragment as "start-end" joined by ";", and \`quote\` joins the fragments’ texts with "${FRAGMENT_QUOTE_SEPARATOR}".`,
    '',
    '## Encoding',
    '',
    ...encoding.map((s) => `- ${s}`),
    '',
    '## Attribute columns',
    '',
    '- The annotations table has one column per label and attribute, `attr_<label>_<key>`, where <label> is the label name in lower case with accents dropped and other characters replaced by "_" (e.g. `attr_event_event_type`). Columns come from the current codebook and every older version an exported tag was coded with.',
    '- Actor attributes hold registry ids; a companion column `attr_<label>_<key>_name` holds the canonical names (merges followed).',
    '- The `attributes` column holds every attribute exactly as stored (JSON), including any the codebook no longer defines.',
    '- The claims table names claim attributes by their key alone.',
    '',
    '## Events: actor1 and actor2',
    '',
    ACLED_ACTOR_RULE,
    '',
    'location is the text of the Place tag the event is located_at (its country/admin1/admin2 attributes fill those columns), else the location_text attribute. fatalities is the reported figure and stays empty when none was reported (ACLED would write 0). notes is the coder’s summary, or the event’s text when there is none.',
    '',
    '## Links to tags left out of the export',
    '',
    'A link whose target tag the export’s filter left out stays in relations with to_exported = false; the events, event_actors and claims tables cannot name that actor.',
    '',
    '## Tables',
    ''
  ]
  for (const spec of specs) {
    lines.push(`### ${spec.name}.${extension}`, '', PURPOSE[spec.name] ?? '', '', spec.columns.map((c) => `\`${c.name}\` (${c.kind})`).join(', '), '')
  }
  return lines.join('\n')
}
