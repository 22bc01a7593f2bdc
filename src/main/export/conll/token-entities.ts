import type { CpRange, Token } from '../../../shared/offsets'
import type { ExportAnnotation } from '../export-dataset'

/** A tag placed on tokens: indices of its first and last token. */
export interface TokenEntity {
  tag: ExportAnnotation
  first: number
  last: number
}

/** What happened to one tag on its way into token tags. */
export interface TokenIssue {
  tag: ExportAnnotation
  what: 'snapped' | 'overlap_dropped' | 'fragments_dropped' | 'no_tokens' | 'sentence_joined'
  /** The tag's first fragment. */
  span: CpRange
  /** The token-aligned span the tag got (snapped) or would have got (overlap_dropped). */
  tokens?: CpRange
  /** The tag that won the overlap. */
  keptTagId?: string
}

// index of the first token for which `after` holds (tokens are in text order, so it holds for all later ones)
function firstWhere(tokens: Token[], after: (t: Token) => boolean): number {
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (after(tokens[mid]!)) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * Places tags on tokens for IOB tagging: only a tag's first fragment is used; a span starting or ending inside
 * a token grows to whole tokens; where tags overlap, the first in text order (the longest on a tie) wins.
 */
export function tokenEntities(tags: ExportAnnotation[], tokens: Token[]): { entities: TokenEntity[]; issues: TokenIssue[] } {
  const ordered = tags
    .filter((t) => t.fragments.length > 0)
    .map((tag) => ({ tag, span: { start: tag.fragments[0]!.start, end: tag.fragments[0]!.end } }))
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)
  const entities: TokenEntity[] = []
  const issues: TokenIssue[] = []
  for (const { tag, span } of ordered) {
    const first = firstWhere(tokens, (t) => t.end > span.start)
    const last = firstWhere(tokens, (t) => t.start >= span.end) - 1
    if (first >= tokens.length || last < first) {
      issues.push({ tag, what: 'no_tokens', span })
      continue
    }
    const aligned = { start: tokens[first]!.start, end: tokens[last]!.end }
    const previous = entities[entities.length - 1]
    if (previous && first <= previous.last) {
      issues.push({ tag, what: 'overlap_dropped', span, tokens: aligned, keptTagId: previous.tag.id })
      continue
    }
    entities.push({ tag, first, last })
    if (aligned.start !== span.start || aligned.end !== span.end) issues.push({ tag, what: 'snapped', span, tokens: aligned })
    if (tag.fragments.length > 1) issues.push({ tag, what: 'fragments_dropped', span })
  }
  return { entities, issues }
}
