/** Describes the export's layout to whoever opens the folder. */
export const W3C_README = `W3C Web Annotation export (https://www.w3.org/TR/annotation-model/), written by Spanwise.

annotations.jsonld   the AnnotationCollection: label, total (number of annotations), first and last page
pages/NNNNNN.jsonld  one AnnotationPage per article, in order, linked by next/prev and partOf the collection
texts/*.txt          each article's text (UTF-8, NFC, "\\n" line ends); every offset counts Unicode code points of it
sources.jsonl        one line per article: its target source IRI (urn:spanwise:article:<uid>), text file,
                     page file and metadata (title, url, published…), so the export can be imported elsewhere

Each tag is one Annotation (id urn:uuid:<tag id>, motivation tagging): a TextualBody with purpose tagging holds the
label; SpecificResource bodies with purpose identifying name the registry actors (Wikidata IRI when known);
a TextualBody with purpose describing and format application/json holds the attributes; commenting holds the
note and assessing the review status. A discontinuous tag has one target per fragment, each with a
TextQuoteSelector and a TextPositionSelector [start, end) in code points. A typed link between two tags is an
Annotation with motivation linking, its type as the tagging body and the two tags' IRIs as targets (from first).
`
