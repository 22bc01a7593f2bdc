/** The README written beside the CoNLL file: scheme, columns, tokenisation and what was lost. */
export function conllReadme(fileName: string): string {
  return [
    `# ${fileName}: CoNLL-2003 columns, IOB2 tags`,
    '',
    'Columns, separated by one space: `token -X- _ TAG` (the POS and chunk columns are placeholders). A blank line ends a sentence;',
    '`-DOCSTART- -X- -X- O` and a blank line open each article, in export order. Tags are **IOB2** (BIO): every entity starts with',
    '`B-<label>` and continues with `I-<label>`, even when two entities of one label touch (CoNLL-2003 itself used IOB1).',
    '',
    '## Tokens and sentences',
    '',
    '- Tokens: runs of letters, digits and combining marks (keeping inner apostrophes, and decimals such as 3.5), one emoji with its',
    '  modifiers, or any other single non-space character (punctuation). Whitespace is never part of a token.',
    '- Sentences end after . ! ? … (with any closing quotes or brackets that follow) and at every line break. Abbreviations are not',
    '  special-cased. A tag spanning a sentence end keeps its sentences together (reported as sentence_joined).',
    '',
    '## What the format cannot carry (see conll-report.jsonl)',
    '',
    '- Overlapping and nested tags: the first in text order wins (the longest when two start together); the others are left out',
    '  (overlap_dropped, with kept_tag_id). Export only the labels you want as entities (the export filter) to keep them.',
    '- Discontinuous tags: only the first fragment is tagged (fragments_dropped).',
    '- A span starting or ending inside a token grows to whole tokens (snapped, with the original and the token-aligned code point',
    '  range); a span covering no token is left out (no_tokens).',
    '- Labels: whitespace in a label becomes "_" (e.g. `B-Armed_group`).',
    '- Relations, attributes, notes, coders and times are not carried.',
    '',
    'conll-report.jsonl has one JSON object per event: article_uid, tag_id, label, what, span [start, end] (code points), and',
    'tokens [start, end] or kept_tag_id where they apply.',
    ''
  ].join('\n')
}
