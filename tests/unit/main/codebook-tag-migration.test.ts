import { afterEach, describe, expect, it } from 'vitest'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { CodebookService } from '../../../src/main/codebook/codebook-service'
import type { DbChangeRow } from '../../../src/main/store/rows'
import type { Codebook } from '../../../src/shared/codebook/codebook-schema'
import { type CodebookMigration, codebookMigrationSchema } from '../../../src/shared/codebook/codebook-migration'
import { AppError } from '../../../src/shared/errors'
import { ANA, BEN, addArticle, cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)

type ChangeRow = DbChangeRow & { undo_state: string; annotator_id: string }

const TEXT = 'Protesters marched in Velmora on Tuesday. The Harbour Guild demanded a ceasefire and disarmament talks.'

function setup() {
  const { store } = createTempProject()
  const articleId = addArticle(store, TEXT)
  const other = addArticle(store, 'A quiet day in Ostrava.', 'other.txt')
  const tags = new AnnotationService(store)
  const codebooks = new CodebookService(store)
  const at = (needle: string, in_ = TEXT) => ({ start: in_.indexOf(needle), end: in_.indexOf(needle) + needle.length })
  const tag = (label: string, needle: string, attributes?: Record<string, string | number | string[]>, article = articleId, text = TEXT) => {
    const id = tags.create(ANA, { articleId: article, label, fragments: [at(needle, text)] }).upserted[0]!.id
    if (attributes) tags.update(ANA, { id, attributes })
    return id
  }
  const ids = {
    place: tag('Place', 'Velmora', { country: 'Maravia' }),
    place2: tag('Place', 'Ostrava', undefined, other, 'A quiet day in Ostrava.'),
    event: tag('Event', 'Protesters marched', { event_type: 'protests', sub_event_type: 'peaceful_protest', tags: ['confinement'] }),
    actor: tag('Actor', 'The Harbour Guild', { certainty: 'probable' }),
    claim: tag('Claim', 'demanded a ceasefire and disarmament talks', { form: 'statement', issues: ['ceasefire', 'disarmament_demobilization', 'peace_negotiations'], position: 'support' })
  }
  const save = (change: (cb: Codebook) => void, migration: Partial<CodebookMigration> = {}, user = ANA) => {
    const cb = structuredClone(store.codebooks.get())
    change(cb)
    return codebooks.save(user, { codebook: cb, note: 'test', migration: codebookMigrationSchema.parse(migration), baseVersion: store.codebooks.currentVersion() })
  }
  const changeRows = () => store.db.prepare<[], ChangeRow>("SELECT * FROM change_log WHERE description LIKE 'codebook %' ORDER BY id").all()
  const snapshot = (id: string) => store.annotations.snapshot(id)
  return { store, tags, save, ids, snapshot, changeRows, articleId, other }
}

const refusal = (work: () => unknown): AppError => {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the save to be refused')
}

const renameLabel = (cb: Codebook, from: string, to: string) => {
  cb.labels.find((l) => l.name === from)!.name = to
  for (const r of cb.relations) r.to = r.to.map((t) => (t === from ? to : t))
}

describe('tags follow a codebook change', () => {
  it('a renamed label relabels its tags in one action: change-log rows with before and after, undo state none; other tags keep their version', () => {
    const { store, save, ids, snapshot, changeRows } = setup()
    const eventBefore = snapshot(ids.event)
    const saved = save((cb) => renameLabel(cb, 'Place', 'Location'), { labels: { Place: { to: 'Location' } } })
    expect(saved).toEqual({ version: 2, relabelled: 2, retagged: 2, deleted: 0 })
    expect(snapshot(ids.place)).toMatchObject({ label: 'Location', attributes: { country: 'Maravia' }, codebookVersion: 2 })
    expect(snapshot(ids.place2)).toMatchObject({ label: 'Location', codebookVersion: 2 })
    expect(snapshot(ids.event)).toEqual(eventBefore)
    expect(snapshot(ids.event)!.codebookVersion).toBe(1)

    const rows = changeRows()
    expect(rows).toHaveLength(2)
    expect(new Set(rows.map((r) => r.action_id)).size).toBe(1)
    expect(rows.map((r) => [r.entity, r.op, r.undo_state, r.annotator_id])).toEqual([
      ['annotation', 'update', 'none', ANA.id],
      ['annotation', 'update', 'none', ANA.id]
    ])
    expect(rows.map((r) => r.description).sort()).toEqual(['codebook v2: relabel Place → Location — “Ostrava”', 'codebook v2: relabel Place → Location — “Velmora”'])
    const row = rows.find((r) => r.entity_id === ids.place)!
    expect(JSON.parse(row.before!)).toMatchObject({ label: 'Place', codebookVersion: 1 })
    expect(JSON.parse(row.after!)).toMatchObject({ label: 'Location', codebookVersion: 2 })
    expect(store.codebooks.versions()[0]!.migration).toEqual({ labels: { Place: { to: 'Location' } }, attributes: [], values: [], links: [], retype: [] })
  })

  it('refuses to remove a label tags use unless told what to do, naming the count; nothing changes', () => {
    const { store, save, ids, snapshot, changeRows } = setup()
    const dropPlace = (cb: Codebook) => {
      cb.labels = cb.labels.filter((l) => l.name !== 'Place')
      cb.relations = cb.relations.filter((r) => !r.to.includes('Place'))
      cb.labels.forEach((l, i) => (l.order = i))
    }
    const error = refusal(() => save(dropPlace))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toBe('Saving would orphan tags: 2 tags use label Place, which this codebook removes: relabel them or delete them.')
    expect(error.details).toEqual({ orphans: [{ kind: 'label', label: 'Place', tags: 2 }] })
    expect(store.codebooks.currentVersion()).toBe(1)
    expect(snapshot(ids.place)!.label).toBe('Place')

    // explicitly: delete them
    expect(save(dropPlace, { labels: { Place: { delete: true } } })).toEqual({ version: 2, relabelled: 0, retagged: 0, deleted: 2 })
    expect(snapshot(ids.place)).toBeNull()
    expect(snapshot(ids.place2)).toBeNull()
    const rows = changeRows()
    expect(rows.map((r) => [r.op, r.after])).toEqual([
      ['delete', null],
      ['delete', null]
    ])
    expect(JSON.parse(rows[0]!.before!)).toMatchObject({ label: 'Place' })
    expect(rows[0]!.description).toBe('codebook v2: delete Place tag — “Velmora”')
    expect(store.articles.get(1)!.tagCount).toBe(3)
  })

  it('relabelling into another label asks about the attributes it lacks, then clears them', () => {
    const { save, ids, snapshot } = setup()
    const mergeIntoActor = (cb: Codebook) => {
      cb.labels = cb.labels.filter((l) => l.name !== 'Place')
      for (const r of cb.relations) r.to = [...new Set(r.to.map((t) => (t === 'Place' ? 'Actor' : t)))]
    }
    const error = refusal(() => save(mergeIntoActor, { labels: { Place: { to: 'Actor' } } }))
    expect(error.details).toEqual({ orphans: [{ kind: 'attribute', label: 'Actor', attribute: 'country', tags: 1 }] })
    expect(error.message).toContain('1 tag has a value for Actor › country, which this codebook removes: move it to another attribute or clear it')
    save(mergeIntoActor, { labels: { Place: { to: 'Actor' } }, attributes: [{ label: 'Actor', from: 'country', to: null }] })
    expect(snapshot(ids.place)).toMatchObject({ label: 'Actor', attributes: {}, codebookVersion: 2 })
  })

  it('merges and clears choice values: a removed value must be mapped onto another or cleared', () => {
    const { save, ids, snapshot, changeRows } = setup()
    const dropDisarmament = (cb: Codebook) => {
      const issues = cb.labels.find((l) => l.name === 'Claim')!.attributes.find((a) => a.key === 'issues')!
      issues.values = issues.values!.filter((v) => v.value !== 'disarmament_demobilization' && v.value !== 'peace_negotiations')
    }
    const error = refusal(() => save(dropDisarmament))
    expect(error.details).toEqual({
      orphans: [
        { kind: 'value', label: 'Claim', attribute: 'issues', value: 'disarmament_demobilization', tags: 1 },
        { kind: 'value', label: 'Claim', attribute: 'issues', value: 'peace_negotiations', tags: 1 }
      ]
    })
    expect(error.message).toContain('1 tag uses Claim › issues “disarmament_demobilization”, which this codebook removes: map it to another value or clear it')
    save(dropDisarmament, {
      values: [
        { label: 'Claim', attribute: 'issues', from: 'disarmament_demobilization', to: 'ceasefire' },
        { label: 'Claim', attribute: 'issues', from: 'peace_negotiations', to: null }
      ]
    })
    expect(snapshot(ids.claim)).toMatchObject({ attributes: { form: 'statement', issues: ['ceasefire'], position: 'support' }, codebookVersion: 2 })
    expect(changeRows().map((r) => r.description)).toEqual([
      'codebook v2: issues: disarmament_demobilization → ceasefire; clear issues: peace_negotiations — “demanded a ceasefire and disarmament ta…”'
    ])
  })

  it('a renamed single value follows, and a removed attribute must be cleared explicitly', () => {
    const { save, ids, snapshot } = setup()
    const change = (cb: Codebook) => {
      const actor = cb.labels.find((l) => l.name === 'Actor')!
      const certainty = actor.attributes.find((a) => a.key === 'certainty')!
      certainty.values!.find((v) => v.value === 'probable')!.value = 'likely'
      const event = cb.labels.find((l) => l.name === 'Event')!
      event.attributes = event.attributes.filter((a) => a.key !== 'tags')
    }
    expect(refusal(() => save(change)).details).toEqual({
      orphans: [
        { kind: 'attribute', label: 'Event', attribute: 'tags', tags: 1 },
        { kind: 'value', label: 'Actor', attribute: 'certainty', value: 'probable', tags: 1 }
      ]
    })
    save(change, { values: [{ label: 'Actor', attribute: 'certainty', from: 'probable', to: 'likely' }], attributes: [{ label: 'Event', from: 'tags', to: null }] })
    expect(snapshot(ids.actor)!.attributes).toEqual({ certainty: 'likely' })
    expect(snapshot(ids.event)!.attributes).toEqual({ event_type: 'protests', sub_event_type: 'peaceful_protest' })
  })

  it('refuses a migration that points at a label or value the new codebook lacks', () => {
    const { store, save } = setup()
    const error = refusal(() =>
      save(() => {}, { labels: { Place: { to: 'Region' } }, values: [{ label: 'Claim', attribute: 'position', from: 'support', to: 'endorse' }] })
    )
    expect(error.message).toBe(
      'The tag migration does not fit this codebook (2 problems): migration.labels.Place.to: the label “Region” is not in the new codebook; migration.values[0].to: “endorse” is not a value of Claim › Position'
    )
    expect(store.codebooks.currentVersion()).toBe(1)
  })

  it('rolls everything back when a write fails half-way: no new version, no rewritten tag, no change-log row', () => {
    const { store, save, ids, snapshot, changeRows } = setup()
    // the second rewritten tag fails to write, after the version and the first tag were written
    store.db.exec(`CREATE TRIGGER fail_ostrava BEFORE UPDATE OF label ON annotation WHEN new.id = '${ids.place2}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    expect(() => save((cb) => renameLabel(cb, 'Place', 'Location'), { labels: { Place: { to: 'Location' } } })).toThrow('disk full')
    expect(store.codebooks.currentVersion()).toBe(1)
    expect(snapshot(ids.place)).toMatchObject({ label: 'Place', codebookVersion: 1 })
    expect(changeRows()).toEqual([])
  })

  it('takes the carried-over tags’ earlier edits off the undo stack, so undo cannot bring back a removed label', () => {
    const { store, tags, save, articleId, other } = setup()
    expect(tags.history(ANA, other).canUndo).toBe(true)
    save((cb) => renameLabel(cb, 'Place', 'Location'), { labels: { Place: { to: 'Location' } } }, BEN)
    // the other article's only tag was a Place: nothing left to undo there
    expect(tags.history(ANA, other).canUndo).toBe(false)
    // the first article's top action (the claim's attributes) is untouched and still undoable
    expect(tags.history(ANA, articleId).undoDescription).toMatch(/^set Form, Issues, Position of/)
    tags.undo(ANA, articleId)
    expect(store.annotations.listByArticle(articleId).map((a) => a.label).sort()).toEqual(['Actor', 'Claim', 'Event', 'Location'])
    expect(store.codebooks.versions()[0]!.createdBy).toBe('Ben')
  })
})

describe('links follow a codebook change', () => {
  it('a link the new codebook no longer allows is an orphan until it is retyped or removed, in the change log', () => {
    const { store, tags, save, ids, snapshot, changeRows } = setup()
    tags.link(ANA, { from: ids.claim, type: 'claimant', to: ids.actor })
    tags.link(ANA, { from: ids.event, type: 'located_at', to: ids.place })
    const dropClaimant = (cb: Codebook) => {
      cb.relations = cb.relations.filter((r) => r.type !== 'claimant')
    }
    const error = refusal(() => save(dropClaimant))
    expect(error.message).toBe('Saving would orphan tags: 1 link “claimant” from Claim to Actor, which this codebook no longer allows: change them to another relation or remove them.')
    expect(error.details).toEqual({ orphans: [{ kind: 'link', relation: 'claimant', from: 'Claim', target: 'Actor', tags: 1 }] })
    expect(() => save(dropClaimant, { links: [{ relation: 'claimant', from: 'Claim', target: 'Actor', to: 'perpetrator' }] })).toThrow('Perpetrator links start from Event tags, not from Claim.')
    expect(store.codebooks.currentVersion()).toBe(1)

    // retyped as the addressee: the link keeps its target, the change is logged; the Event's link is untouched
    save(dropClaimant, { links: [{ relation: 'claimant', from: 'Claim', target: 'Actor', to: 'addressee' }] })
    expect(snapshot(ids.claim)!.links).toEqual([{ type: 'addressee', to: ids.actor }])
    expect(snapshot(ids.event)!.links).toEqual([{ type: 'located_at', to: ids.place }])
    expect(changeRows().at(-1)!.description).toBe('codebook v2: claimant link → addressee — “demanded a ceasefire and disarmament ta…”')

    // removing the relation a link now has, explicitly
    save((cb) => (cb.relations = cb.relations.filter((r) => r.type !== 'located_at')), { links: [{ relation: 'located_at', from: 'Event', target: 'Place', to: null }] })
    expect(snapshot(ids.event)!.links).toEqual([])
    expect(changeRows().at(-1)!.description).toContain('remove located_at link')
  })

  it('an attribute whose type changes converts the values it can, and refuses the save for the others until they are moved or cleared', () => {
    const { store, tags, save, ids, snapshot, changeRows } = setup()
    tags.update(ANA, { id: ids.place2, attributes: { country: '12' } })
    const toNumber = (cb: Codebook) => {
      cb.labels.find((l) => l.name === 'Place')!.attributes.find((a) => a.key === 'country')!.type = 'number'
    }
    const refused = refusal(() => save(toNumber))
    expect(refused.details).toMatchObject({ orphans: [{ kind: 'type', label: 'Place', attribute: 'country', type: 'number', tags: 1, examples: ['Maravia'] }] })
    expect(refused.message).toContain('1 tag has a value for Place › country that is not a number and cannot be turned into one (“Maravia”): move it to a text attribute or clear it')
    expect(store.codebooks.currentVersion()).toBe(1)
    // a move to an attribute that is not text is a problem of the migration itself
    expect(refusal(() => save(toNumber, { retype: [{ label: 'Place', attribute: 'country', to: 'country' }] })).message).toContain('Place has no text attribute “country”')
    save(toNumber, { retype: [{ label: 'Place', attribute: 'country', to: 'admin1' }] })
    expect(snapshot(ids.place)!.attributes).toEqual({ admin1: 'Maravia' })
    expect(snapshot(ids.place2)!.attributes).toEqual({ country: 12 })
    expect(changeRows().map((r) => r.description).sort()).toEqual(['codebook v2: country: "12" → 12 — “Ostrava”', 'codebook v2: move country → admin1 as text — “Velmora”'])
    expect(store.codebooks.versions().map((v) => v.typeChanges)).toEqual([['Place › country: text → number'], []])
  })

  it('names up to three of the values a type change cannot convert, and says when there are more', () => {
    const { tags, save, ids, articleId } = setup()
    const more = [0, 10, 20].map((start) => tags.create(ANA, { articleId, label: 'Place', fragments: [{ start, end: start + 4 }] }).upserted[0]!.id)
    const places = [ids.place, ...more, ids.place2]
    ;['north', 'north', 'south', 'east', 'west'].forEach((country, i) => tags.update(ANA, { id: places[i]!, attributes: { country } }))
    const refused = refusal(() =>
      save((cb) => {
        cb.labels.find((l) => l.name === 'Place')!.attributes.find((a) => a.key === 'country')!.type = 'number'
      })
    )
    const [orphan] = (refused.details as { orphans: { kind: string; tags: number; examples: string[] }[] }).orphans
    expect(orphan).toMatchObject({ kind: 'type', tags: 5 })
    expect([...orphan!.examples].sort()).toEqual(['east', 'north', 'south', 'west'])
    expect(refused.message).toMatch(/5 tags have a value for Place › country that is not a number and cannot be turned into one \(“[a-z]+”, “[a-z]+”, “[a-z]+”, …\)/)
  })

  it('the version history names a type change whose values all converted, following a label rename', () => {
    const { store, tags, save, ids } = setup()
    tags.update(ANA, { id: ids.place, attributes: { country: '7' } })
    tags.update(ANA, { id: ids.place2, attributes: { country: '12' } })
    save(
      (cb) => {
        renameLabel(cb, 'Place', 'Location')
        cb.labels.find((l) => l.name === 'Location')!.attributes.find((a) => a.key === 'country')!.type = 'number'
      },
      { labels: { Place: { to: 'Location' } } }
    )
    const [latest] = store.codebooks.versions()
    expect(latest!.migration!.retype).toEqual([])
    expect(latest!.typeChanges).toEqual(['Location › country: text → number'])
  })
})
