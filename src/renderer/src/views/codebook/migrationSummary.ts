import type { CodebookMigration } from '@shared/codebook/codebook-migration'
import { quoted } from '@shared/text/quoted'

/** A short list of what a version did to tags: "Place → Location", "Claim › issues: a → b", "delete Quantity tags". */
export function migrationSummary(m: CodebookMigration | null): string[] {
  if (!m) return []
  return [
    ...Object.entries(m.labels).map(([from, move]) => ('to' in move ? `${from} → ${move.to}` : `delete ${from} tags`)),
    ...m.attributes.map((a) => (a.to === null ? `clear ${a.label} › ${a.from}` : `${a.label} › ${a.from} → ${a.to}`)),
    ...m.values.map((v) => (v.to === null ? `clear ${v.label} › ${v.attribute} ${quoted(v.from)}` : `${v.label} › ${v.attribute}: ${v.from} → ${v.to}`)),
    ...m.links.map((l) => (l.to === null ? `remove ${l.relation} links ${l.from} → ${l.target}` : `${l.relation} links ${l.from} → ${l.target}: now ${l.to}`)),
    // older versions were saved before type changes were recorded
    ...(m.retype ?? []).map((r) => (r.to === null ? `clear ${r.label} › ${r.attribute} values of another type` : `${r.label} › ${r.attribute} values of another type → ${r.to}`))
  ]
}
