import type { CodebookMigration } from './codebook-migration'
import type { AttributeDef, Codebook } from './codebook-schema'

const typeName = (a: Pick<AttributeDef, 'type' | 'many'>) => (a.many && (a.type === 'actor' || a.type === 'tag') ? `${a.type} list` : a.type)

/**
 * The attributes whose type a version changed ("Event › fatalities: text → number"), following the
 * version's renames of labels and attributes; the history shows them even when every value converted.
 */
export function typeChanges(previous: Codebook, next: Codebook, migration: CodebookMigration | null): string[] {
  const changes: string[] = []
  for (const old of previous.labels) {
    const move = migration?.labels[old.name]
    if (move && 'delete' in move) continue
    const label = next.labels.find((l) => l.name === (move?.to ?? old.name))
    if (!label) continue
    for (const a of old.attributes) {
      const moved = migration?.attributes.find((m) => m.label === label.name && m.from === a.key)
      if (moved?.to === null) continue
      const now = label.attributes.find((d) => d.key === (moved?.to ?? a.key))
      if (now && typeName(now) !== typeName(a)) changes.push(`${label.name} › ${now.key}: ${typeName(a)} → ${typeName(now)}`)
    }
  }
  return changes
}
