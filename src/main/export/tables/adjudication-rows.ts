import type { ExportArticle } from '../export-dataset'
import type { Row } from './table-spec'

/** One row per adjudication decision on the article, oldest first; candidates as parallel lists (tag id, coder, label). */
export function adjudicationRows(article: ExportArticle): Row[] {
  return (article.adjudications ?? []).map((d) => ({
    decision_id: d.id,
    article_id: article.id,
    article_uid: article.uid,
    decision: d.decision,
    candidate_tag_ids: d.candidates.map((c) => c.annotationId),
    candidate_annotators: d.candidates.map((c) => c.annotatorName),
    candidate_labels: d.candidates.map((c) => c.label),
    chosen_tag_id: d.chosenId,
    gold_tag_id: d.goldId,
    gold_exists: d.goldExists,
    reason: d.reason,
    guideline: d.guideline,
    decided_by_id: d.decidedBy,
    decided_by_name: d.decidedByName,
    decided_at: d.decidedAt
  }))
}
