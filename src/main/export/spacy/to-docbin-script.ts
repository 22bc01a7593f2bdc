/** The Python script shipped with the spaCy export: spans.jsonl → DocBin, aligning character spans to spaCy's tokens. */
export const TO_DOCBIN_PY = `"""Build a spaCy DocBin (.spacy) from spans.jsonl exported by Spanwise.

Offsets in spans.jsonl are code points, which is how Python indexes str, so they go to Doc.char_span unchanged.
usage: python to_docbin.py spans.jsonl corpus.spacy [--lang es]
"""
import argparse
import json

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans


def blank(code, cache):
    if code not in cache:
        try:
            cache[code] = spacy.blank(code)
        except Exception:  # a language spaCy does not know: use its multi-language tokenizer
            cache[code] = spacy.blank("xx")
    return cache[code]


def char_spans(doc, records, missed):
    spans = []
    for s in records:
        # "expand" widens a span that starts or ends inside a token to whole tokens
        span = doc.char_span(s["start"], s["end"], label=s["label"], kb_id=s.get("kb_id", ""), alignment_mode="expand")
        if span is None:
            missed.append(s)
        else:
            spans.append(span)
    return spans


def main():
    parser = argparse.ArgumentParser(description="Build a spaCy DocBin from Spanwise spans.jsonl")
    parser.add_argument("source", help="spans.jsonl")
    parser.add_argument("target", help="the .spacy file to write")
    parser.add_argument("--lang", help="spaCy language code for every document (default: each document's meta.language, else xx)")
    args = parser.parse_args()
    cache, missed, count = {}, [], 0
    docbin = DocBin(store_user_data=True)
    with open(args.source, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            meta = record.get("meta", {})
            code = (args.lang or meta.get("language") or "xx").split("-")[0].lower()
            doc = blank(code, cache).make_doc(record["text"])
            doc.spans["sc"] = char_spans(doc, record.get("spans", []), missed)
            # ents must not overlap; after widening to tokens two may touch, and the longest is kept
            doc.ents = filter_spans(char_spans(doc, record.get("ents", []), []))
            doc.user_data["meta"] = meta
            docbin.add(doc)
            count += 1
    docbin.to_disk(args.target)
    print(f"wrote {count} documents to {args.target}; {len(missed)} spans covered no token and were skipped")


if __name__ == "__main__":
    main()
`
