/** The README written beside spans.jsonl: the record shape and the recipe to a DocBin. */
export const SPACY_README = `# spaCy-ready spans

\`spans.jsonl\` has one article per line:

    {"text": "...", "spans": [{"start": 0, "end": 3, "label": "Actor", "kb_id": "<actor id>", "tag_id": "..."}],
     "ents": [...], "meta": {"uid": "...", "title": "...", "article_id": 1, "language": "es"}}

- Offsets are Unicode code points, end exclusive: exactly Python's \`text[start:end]\` (not UTF-16, not bytes).
- \`spans\` holds every tag; a discontinuous tag gives one span per fragment (same tag_id). Spans may overlap: use them
  for spancat (\`doc.spans["sc"]\`).
- \`ents\` is the non-overlapping subset for NER (\`doc.ents\`): where spans overlap, the first in text order wins (the
  longest on a tie).
- \`kb_id\` is the registry actor an actor mention is linked to (merges followed); absent when there is none.
- Relations and attributes other than the actor link are not carried; use the native or table exports for them.

## Build a DocBin

    pip install spacy
    python to_docbin.py spans.jsonl corpus.spacy            # language per article from meta.language, else "xx"
    python to_docbin.py spans.jsonl corpus.spacy --lang es  # or one language for all
    python -m spacy debug data config.cfg --paths.train corpus.spacy --paths.dev corpus.spacy

The script tokenises each text with \`spacy.blank(lang)\`, places every span with
\`doc.char_span(start, end, label, kb_id=..., alignment_mode="expand")\` (a span edge inside a token widens to the whole
token), stores all spans in \`doc.spans["sc"]\` and the ents in \`doc.ents\`, and writes \`DocBin.to_disk\`. It prints how
many spans covered no token.
`
