import { describe, expect, it } from 'vitest'
import type { Codebook } from '@shared/codebook/codebook-schema'
import { validateCodebook } from '@shared/codebook/validate-codebook'
import { codebookOf, draftOf, recordedMigration } from '@renderer/views/codebook/codebookDraft'
import { moveLabel, removeLabel, renameAttribute, renameLabel, renameValue } from '@renderer/views/codebook/draftEdits'
import { labelTree } from '@renderer/views/codebook/labelTree'
import { legibilityWarning } from '@renderer/views/codebook/colorContrast'
import { codebookFileName } from '@renderer/views/codebook/downloadJson'
import defaultCodebook from '../../../resources/codebook/default-codebook.json'

const defaults = (): Codebook => {
  const check = validateCodebook(defaultCodebook)
  if (!check.ok) throw new Error('default codebook invalid')
  return check.codebook
}

describe('the codebook draft', () => {
  it('round-trips: the draft of a codebook stands for that codebook and records no renames', () => {
    const cb = defaults()
    expect(codebookOf(draftOf(cb))).toEqual(cb)
    expect(recordedMigration(draftOf(cb))).toEqual({ labels: {}, attributes: [], values: [], links: [], retype: [] })
  })

  it('a renamed label repoints its references and is recorded, so its tags are relabelled', () => {
    const draft = draftOf(defaults())
    renameLabel(draft, 3, 'Location')
    expect(draft.relations.find((r) => r.type === 'located_at')!.to).toEqual(['Location'])
    expect(validateCodebook(codebookOf(draft)).ok).toBe(true)
    expect(recordedMigration(draft).labels).toEqual({ Place: { to: 'Location' } })
  })

  it('a name that clashes with another label repoints nothing (the clash is shown as a problem)', () => {
    const draft = draftOf(defaults())
    renameLabel(draft, 3, 'Actor')
    expect(draft.relations.find((r) => r.type === 'located_at')!.to).toEqual(['Place'])
    expect(validateCodebook(codebookOf(draft))).toMatchObject({ ok: false, problems: expect.arrayContaining([{ path: 'labels[3].name', message: 'the label name “Actor” is already used by labels[0]' }]) })
  })

  it('renamed attribute keys and values carry rules, sub-type links and the migration along', () => {
    const draft = draftOf(defaults())
    const event = draft.labels[1]!
    renameAttribute(draft, 1, event.attributes.findIndex((a) => a.key === 'date_start'), 'start_date')
    expect(draft.rules[0]).toMatchObject({ a: 'start_date', b: 'date_end' })
    const type = event.attributes.findIndex((a) => a.key === 'event_type')
    renameValue(draft, 1, type, event.attributes[type]!.values!.findIndex((v) => v.value === 'riots'), 'unrest')
    expect(event.attributes.find((a) => a.key === 'sub_event_type')!.values!.filter((v) => v.parent === 'unrest').map((v) => v.value)).toEqual(['violent_demonstration', 'mob_violence'])
    expect(validateCodebook(codebookOf(draft)).ok).toBe(true)
    expect(recordedMigration(draft)).toEqual({
      labels: {},
      attributes: [{ label: 'Event', from: 'date_start', to: 'start_date' }],
      values: [{ label: 'Event', attribute: 'event_type', from: 'riots', to: 'unrest' }],
      links: [],
      retype: []
    })
  })

  it('an imported codebook keeps the origins of what the saved one has by name', () => {
    const saved = defaults()
    const imported = structuredClone(saved)
    imported.labels[3]!.name = 'Location'
    const draft = draftOf(imported, saved)
    expect(draft.labels[3]!.origin).toBeUndefined()
    expect(draft.labels[0]!.origin).toBe('Actor')
    expect(recordedMigration(draft)).toEqual({ labels: {}, attributes: [], values: [], links: [], retype: [] })
  })

  it('moves a label among its siblings, indents children under their parent, and re-parents children of a removed label', () => {
    const draft = draftOf(defaults())
    draft.labels[4]!.parent = 'Place'
    expect(labelTree(draft.labels)).toEqual([
      { index: 0, depth: 0 },
      { index: 1, depth: 0 },
      { index: 2, depth: 0 },
      { index: 3, depth: 0 },
      { index: 4, depth: 1 }
    ])
    expect(moveLabel(draft, 2, -1)).toBe(1)
    expect(draft.labels.map((l) => [l.name, l.order])).toEqual([['Actor', 0], ['Claim', 1], ['Event', 2], ['Place', 3], ['Quantity', 4]])
    // Quantity is Place's only child: it has no sibling to swap with
    expect(moveLabel(draft, 4, -1)).toBe(4)
    const relationsToPlace = draft.relations.filter((r) => r.to.includes('Place')).map((r) => r.type)
    expect(relationsToPlace.length).toBeGreaterThan(0)
    removeLabel(draft, 3)
    expect(draft.labels.map((l) => [l.name, l.parent])).toEqual([['Actor', null], ['Claim', null], ['Event', null], ['Quantity', null]])
    // nothing in the draft still names Place: relations that only pointed to it go, the others keep their other targets
    expect(JSON.stringify([draft.relations, draft.rules, draft.labels])).not.toMatch(/"Place"/)
    expect(draft.relations.some((r) => r.to.length === 0)).toBe(false)
    expect(validateCodebook(codebookOf(draft))).toMatchObject({ ok: true })
  })
})

describe('colours and file names', () => {
  it('warns about colours whose underline is faint on the white page, not about the dark Okabe–Ito ones', () => {
    expect(legibilityWarning('#0072B2')).toBeNull()
    expect(legibilityWarning('#000000')).toBeNull()
    expect(legibilityWarning('#F0E442')).toBe('Tags in this colour are hard to see: its underline is faint on the white page (contrast 1.3:1; aim for 3:1).')
    expect(legibilityWarning('not a colour')).toBeNull()
  })

  it('names an export after the codebook and its version, safe for any file system', () => {
    expect(codebookFileName('Conflict and peace-process coding (default)', 3)).toBe('Conflict-and-peace-process-coding-default-v3.spanwise-codebook.json')
    expect(codebookFileName('Protestas: año / región', 1)).toBe('Protestas-ano-region-v1.spanwise-codebook.json')
    expect(codebookFileName('///', 2)).toBe('codebook-v2.spanwise-codebook.json')
  })
})
