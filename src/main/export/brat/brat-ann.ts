import { ArticleOffsets, splitAtLineBreaks, type CpRange } from '../../../shared/offsets'
import type { ExportArticle, ExportContext } from '../export-dataset'
import { attributeLines, type AttributeLineCounts } from './brat-attribute-lines'
import type { BratConf } from './brat-conf'
import { BratIds } from './brat-ids'
import type { BratTypeNames } from './brat-type-names'

export interface AnnCounts extends AttributeLineCounts {
  tags: number
  events: number
  relations: number
  eventArguments: number
  fragmentsSplitAtLineBreaks: number
  tagsWithoutText: number
  linksToMissingTags: number
}

export const emptyAnnCounts = (): AnnCounts => ({
  tags: 0,
  events: 0,
  relations: 0,
  eventArguments: 0,
  fragmentsSplitAtLineBreaks: 0,
  tagsWithoutText: 0,
  linksToMissingTags: 0,
  attributeLines: 0,
  references: 0,
  attributesInNotes: 0,
  notes: 0
})

/**
 * One article's tags as a brat .ann file. Offsets are written as stored (code points, brat's unit); a fragment
 * crossing a line break is cut there, as brat requires. Tags of event labels get an E line whose arguments are
 * their links (repeated roles numbered perpetrator, perpetrator2…); other tags' links become R lines.
 */
export function bratAnn(article: ExportArticle, ctx: ExportContext, conf: BratConf, names: BratTypeNames, counts: AnnCounts): string {
  const offsets = new ArticleOffsets(article.text)
  const ids = new BratIds()
  const tIds = new Map<string, string>()
  const refs = new Map<string, string>()
  const labels = new Map<string, string>()
  const pieces = new Map<string, CpRange[]>()
  for (const tag of article.annotations) {
    const sorted = [...tag.fragments].sort((a, b) => a.start - b.start || a.end - b.end)
    const split = sorted.flatMap((f) => splitAtLineBreaks(offsets, f))
    if (split.length === 0) {
      counts.tagsWithoutText++
      continue
    }
    counts.fragmentsSplitAtLineBreaks += Math.max(0, split.length - sorted.length)
    pieces.set(tag.id, split)
    const t = ids.next('T')
    tIds.set(tag.id, t)
    refs.set(tag.id, conf.isEvent(tag.label) ? ids.next('E') : t)
    labels.set(tag.id, tag.label)
  }

  const lines: string[] = []
  for (const tag of article.annotations) {
    const t = tIds.get(tag.id)
    const ref = refs.get(tag.id)
    const frags = pieces.get(tag.id)
    if (!t || !ref || !frags) continue
    conf.useLabel(tag.label)
    const type = names.of(tag.label)
    lines.push(`${t}\t${type} ${frags.map((f) => `${f.start} ${f.end}`).join(';')}\t${frags.map((f) => offsets.slice(f)).join(' ')}`)
    counts.tags++
    const args: string[] = []
    const perRole = new Map<string, number>()
    for (const link of tag.links) {
      const target = refs.get(link.to)
      const targetLabel = labels.get(link.to)
      if (!target || !targetLabel) {
        counts.linksToMissingTags++
        continue
      }
      if (ref !== t) {
        const n = (perRole.get(link.type) ?? 0) + 1
        perRole.set(link.type, n)
        args.push(`${n === 1 ? link.type : `${link.type}${n}`}:${target}`)
        conf.useRole(tag.label, link.type, targetLabel, n)
        counts.eventArguments++
      } else {
        lines.push(`${ids.next('R')}\t${link.type} Arg1:${ref} Arg2:${target}`)
        conf.useRelation(link.type, tag.label, targetLabel)
        counts.relations++
      }
    }
    if (ref !== t) {
      lines.push(`${ref}\t${[`${type}:${t}`, ...args].join(' ')}`)
      counts.events++
    }
    lines.push(...attributeLines(tag, ref, ctx, conf, refs, ids, counts))
  }
  return lines.length ? lines.join('\n') + '\n' : ''
}
