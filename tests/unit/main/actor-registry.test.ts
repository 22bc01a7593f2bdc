import { afterEach, describe, expect, it } from 'vitest'
import { ActorService } from '../../../src/main/actors/actor-service'
import { AnnotationService } from '../../../src/main/annotations/annotation-service'
import { findOccurrences } from '../../../src/main/annotations/find-occurrences'
import { actorMentions } from '../../../src/main/actors/actor-mentions'
import { contract } from '../../../src/shared/contract'
import { ANA, addArticle, cleanupTemp, createTempProject } from '../../helpers/project'

afterEach(cleanupTemp)
const USER = ANA

function setup() {
  const { store } = createTempProject()
  store.ensureAnnotator(USER)
  const actors = new ActorService(store)
  const tags = new AnnotationService(store)
  const byName = (name: string) => store.actors.list(name, 5).find((a) => a.name === name)!
  return { store, actors, tags, byName }
}

describe('the seed registry', () => {
  it('ships Colombian actors with their aliases, all provisional', () => {
    const { store, byName } = setup()
    const all = store.actors.list('', 1000)
    expect(all.length).toBeGreaterThanOrEqual(10)
    expect(all.every((a) => a.status === 'provisional')).toBe(true)
    const gulf = byName('Gulf Clan (EGC)')
    expect(gulf.aliases.map((a) => a.alias)).toEqual(expect.arrayContaining(['Clan del Golfo', 'Urabeños', 'Autodefensas Gaitanistas de Colombia', 'AGC']))
    expect(gulf.aliases.find((a) => a.alias === 'AGC')!.ambiguous).toBe(true)
    expect(byName('Dagoberto Ramos Mobile Column').parentId).toBe(byName('Estado Mayor Central (EMC)').id)
    expect(byName('Estado Mayor de los Bloques y Frente (EMBF)').relations).toEqual([{ type: 'splinter_of', to: byName('Estado Mayor Central (EMC)').id, date: '2024' }])
  })
})

describe('suggestions', () => {
  it('match aliases accent- and case-insensitively, exact ones first', () => {
    const { actors } = setup()
    const s = actors.suggest('urabenos')
    expect(s[0]).toMatchObject({ alias: 'Urabeños', match: 'exact', ambiguous: false })
    expect(s[0]!.actor.name).toBe('Gulf Clan (EGC)')
    expect(actors.suggest('CLAN DEL GOLFO')[0]!.actor.name).toBe('Gulf Clan (EGC)')
    expect(actors.suggest('the Gulf Clan')[0]).toMatchObject({ alias: 'Gulf Clan', match: 'partial' })
    expect(actors.suggest('Ejercito de Liberacion')[0]!.actor.name).toBe('National Liberation Army (ELN)')
  })

  it('flag ambiguous aliases and rank them below unambiguous ones', () => {
    const { actors } = setup()
    const agc = actors.suggest('AGC')
    expect(agc[0]).toMatchObject({ alias: 'AGC', ambiguous: true })
    const police = actors.suggest('police')
    expect(police[0]!.actor.name).toBe('National Police of Colombia')
    expect(police[0]!.ambiguous).toBe(true)
  })

  it('prefer an alias valid at the article date', () => {
    const { actors, byName } = setup()
    const gulf = byName('Gulf Clan (EGC)')
    // EGC only names the group from November 2024
    expect(actors.suggest('EGC', '2025-08-01')[0]!.actor.id).toBe(gulf.id)
    expect(actors.suggest('EGC', '2022-09-02')[0]!.alias).toBe('EGC')
    expect(actors.suggest('x')).toEqual([])
  })
})

describe('registry edits', () => {
  it('a new name creates a provisional actor, recorded in the change log', () => {
    const { store, actors } = setup()
    const created = actors.create(USER, { fields: { name: 'Frente 36', kind: 'sub_unit', country: 'COL' } })
    expect(created).toMatchObject({ name: 'Frente 36', status: 'provisional', createdBy: 'Ana' })
    expect(created.aliases.map((a) => a.alias)).toEqual(['Frente 36'])
    expect(actors.suggest('frente 36')[0]!.actor.id).toBe(created.id)
    const log = store.db.prepare("SELECT description FROM change_log WHERE entity = 'actor'").pluck().all()
    expect(log).toEqual(['create actor “Frente 36”'])
  })

  it('an alias that collides with another actor’s is refused unless marked ambiguous', () => {
    const { actors, byName } = setup()
    const eln = byName('National Liberation Army (ELN)')
    expect(() => actors.addAlias(USER, { actorId: eln.id, alias: { alias: 'clan del golfo' } })).toThrow(
      'The alias “clan del golfo” collides with “Clan del Golfo”, an alias of “Gulf Clan (EGC)”'
    )
    expect(byName('National Liberation Army (ELN)').aliases).toHaveLength(eln.aliases.length)
    expect(() => actors.addAlias(USER, { actorId: eln.id, alias: { alias: 'Eln' } })).toThrow('already an alias of this actor')
    const after = actors.addAlias(USER, { actorId: eln.id, alias: { alias: 'los elenos', language: 'es', aliasType: 'nickname' } })
    expect(after.aliases.at(-1)).toMatchObject({ alias: 'los elenos', aliasType: 'nickname' })
    expect(() => actors.create(USER, { fields: { name: 'Urabenos' } })).toThrow('collides')
  })

  it('lists mentions with whole-word context from the article, an astral character before the quote included', () => {
    const { store, actors, tags, byName } = setup()
    const filler = 'word '.repeat(30)
    const text = `${filler}\u{1F600} said the\nClan del Golfo   fighters near ${filler}end.`
    const articleId = addArticle(store, text)
    const gulf = byName('Gulf Clan (EGC)')
    const start = [...text].length - [...text.slice(text.indexOf('Clan del'))].length
    const tag = tags.create(USER, { articleId, label: 'Actor', fragments: [{ start, end: start + 14 }] }).upserted[0]!
    tags.update(USER, { id: tag.id, attributes: { entity: gulf.id } })
    const [m] = actorMentions(store, gulf.id, 10)
    expect(m).toMatchObject({ articleId, quote: 'Clan del Golfo', label: 'Actor' })
    // whole words only, line breaks and runs of spaces collapsed, "…" where the article goes on
    expect(m!.before).toMatch(/^…word .* \u{1F600} said the $/u)
    expect(m!.after).toMatch(/^ fighters near word .*word…$/u)
    expect(`${m!.before}${m!.quote}${m!.after}`.length).toBeLessThanOrEqual(82)
  })

  it('merging repoints every mention, moves aliases and keeps a tombstone', () => {
    const { store, actors, tags, byName } = setup()
    const articleId = addArticle(store, 'The Urabenos and the Clan del Golfo are one group.')
    const dup = actors.create(USER, { fields: { name: 'Los Urabenos gang' }, aliases: [{ alias: 'Urabenos gang' }] })
    const gulf = byName('Gulf Clan (EGC)')
    const a = tags.create(USER, { articleId, label: 'Actor', fragments: [{ start: 4, end: 12 }] }).upserted[0]!
    tags.update(USER, { id: a.id, attributes: { entity: dup.id } })
    expect(store.actors.mentions(dup.id, 10).map((m) => m.quote)).toEqual(['Urabenos'])
    const merged = actors.merge(USER, { from: dup.id, into: gulf.id })
    expect(merged.mentionCount).toBe(1)
    expect(merged.aliases.map((x) => x.alias)).toContain('Urabenos gang')
    expect(store.annotations.get(a.id)!.attributes).toEqual({ entity: gulf.id })
    expect(store.actors.get(dup.id)).toMatchObject({ status: 'merged', mergedInto: gulf.id })
    expect(store.actors.list('', 1000).map((x) => x.id)).not.toContain(dup.id)
    const log = store.db.prepare("SELECT entity, description FROM change_log WHERE description LIKE 'merge%'").all()
    expect(log).toEqual(expect.arrayContaining([{ entity: 'annotation', description: 'merge actor “Los Urabenos gang” into “Gulf Clan (EGC)”' }, { entity: 'actor', description: 'merge actor “Los Urabenos gang” into “Gulf Clan (EGC)”' }]))
    expect(() => tags.update(USER, { id: a.id, attributes: { entity: dup.id } })).toThrow('was merged into another actor')
    expect(() => actors.merge(USER, { from: gulf.id, into: gulf.id })).toThrow('cannot be merged into itself')
  })

  it('undo and redo in the article after a merge bring back the tag, never the merged-away actor', () => {
    const { store, actors, tags } = setup()
    const articleId = addArticle(store, 'Otoniel, alias Dairo Antonio Úsuga, was extradited.')
    const otoniel = actors.create(USER, { fields: { name: 'Otoniel' } })
    const usuga = actors.create(USER, { fields: { name: 'Dairo Antonio Úsuga' } })
    const a = tags.create(USER, { articleId, label: 'Actor', fragments: [{ start: 0, end: 7 }] }).upserted[0]!
    tags.update(USER, { id: a.id, attributes: { entity: otoniel.id } })
    actors.merge(USER, { from: otoniel.id, into: usuga.id })
    for (let i = 0; i < 2; i++) tags.undo(USER, articleId)
    expect(store.annotations.get(a.id)).toBeNull()
    tags.redo(USER, articleId)
    tags.redo(USER, articleId)
    expect(store.annotations.get(a.id)!.attributes).toEqual({ entity: usuga.id })
    expect(store.actors.mentions(usuga.id, 10).map((m) => m.quote)).toEqual(['Otoniel'])
    expect(store.actors.mentions(otoniel.id, 10)).toEqual([])
  })
})

describe('editing an actor', () => {
  it('changes only the fields sent: approving keeps type, country, notes and external ids', () => {
    const { actors, byName } = setup()
    const gulf = byName('Gulf Clan (EGC)')
    actors.update(USER, { id: gulf.id, fields: { externalIds: { wikidata: 'Q123' } } })
    const input = contract['actors.update'].input.parse({ id: gulf.id, fields: {}, status: 'approved' })
    expect(input.fields).toEqual({})
    const approved = actors.update(USER, input)
    expect(approved).toMatchObject({ status: 'approved', type: gulf.type, country: 'COL', notes: gulf.notes, externalIds: { wikidata: 'Q123' } })
    expect(() => actors.update(USER, { id: byName('National Police of Colombia').id, fields: { parentId: byName('National Police of Colombia').id } })).toThrow('cannot be its own parent')
    expect(() => actors.update(USER, { id: gulf.id, fields: { country: 'Colombia' } })).toThrow()
  })
})

describe('relations between actors', () => {
  it('records a dated relation, refuses itself, a repeat, the reverse and merged_into, and removes it; each in the change log', () => {
    const { store, actors, byName } = setup()
    const emc = byName('Estado Mayor Central (EMC)')
    const column = byName('Dagoberto Ramos Mobile Column')
    const added = actors.addRelation(USER, { actorId: column.id, relation: { type: 'faction_of', to: emc.id, date: '2023-04' } })
    expect(added.relations).toEqual([{ type: 'faction_of', to: emc.id, date: '2023-04' }])
    expect(() => actors.addRelation(USER, { actorId: column.id, relation: { type: 'faction_of', to: column.id } })).toThrow('cannot be faction of itself')
    expect(() => actors.addRelation(USER, { actorId: column.id, relation: { type: 'faction_of', to: emc.id } })).toThrow('already recorded as faction of')
    expect(() => actors.addRelation(USER, { actorId: emc.id, relation: { type: 'faction_of', to: column.id } })).toThrow('cannot each be faction of the other')
    // @ts-expect-error: a hand-made merged_into is what is refused here
    expect(() => actors.addRelation(USER, { actorId: emc.id, relation: { type: 'merged_into', to: column.id } })).toThrow('merging records merged_into')
    expect(() => actors.addRelation(USER, { actorId: emc.id, relation: { type: 'allied_with', to: column.id, date: 'soon' } })).toThrow('use a date like 2024')
    expect(() => actors.addRelation(USER, { actorId: emc.id, relation: { type: 'allied_with', to: 'no-such-actor' } })).toThrow('does not exist')
    // an alliance is one fact, whichever side records it
    actors.addRelation(USER, { actorId: emc.id, relation: { type: 'allied_with', to: byName('Gulf Clan (EGC)').id } })
    expect(() => actors.addRelation(USER, { actorId: byName('Gulf Clan (EGC)').id, relation: { type: 'allied_with', to: emc.id } })).toThrow('recorded once, on either side')

    const removed = actors.removeRelation(USER, { actorId: column.id, type: 'faction_of', to: emc.id })
    expect(removed.relations).toEqual([])
    expect(() => actors.removeRelation(USER, { actorId: column.id, type: 'faction_of', to: emc.id })).toThrow('no faction of relation')
    const log = store.db.prepare("SELECT description FROM change_log WHERE entity = 'actor' AND (description LIKE 'record%' OR description LIKE 'remove “%') ORDER BY rowid").pluck().all()
    expect(log).toEqual([
      'record “Dagoberto Ramos Mobile Column” faction of “Estado Mayor Central (EMC)” (2023-04)',
      'record “Estado Mayor Central (EMC)” allied with “Gulf Clan (EGC)”',
      'remove “Dagoberto Ramos Mobile Column” faction of “Estado Mayor Central (EMC)”'
    ])
  })

  it('a merge carries the merged actor’s relations both ways, dropping repeats and self-relations', () => {
    const { store, actors, byName } = setup()
    const emc = byName('Estado Mayor Central (EMC)')
    const gulf = byName('Gulf Clan (EGC)')
    const dup = actors.create(USER, { fields: { name: 'EMC duplicate' } })
    const other = actors.create(USER, { fields: { name: 'Frente 36 (test)' } })
    actors.addRelation(USER, { actorId: dup.id, relation: { type: 'allied_with', to: gulf.id, date: '2025' } })
    actors.addRelation(USER, { actorId: other.id, relation: { type: 'faction_of', to: dup.id } })
    actors.addRelation(USER, { actorId: dup.id, relation: { type: 'splinter_of', to: emc.id } })
    const merged = actors.merge(USER, { from: dup.id, into: emc.id })
    expect(merged.relations).toEqual(expect.arrayContaining([{ type: 'allied_with', to: gulf.id, date: '2025' }]))
    expect(merged.relations.some((r) => r.to === emc.id)).toBe(false)
    expect(store.actors.get(other.id)!.relations).toEqual([{ type: 'faction_of', to: emc.id, date: '' }])
    expect(store.actors.get(dup.id)!.relations.map((r) => r.type)).toEqual(['merged_into'])
    expect(() => actors.removeRelation(USER, { actorId: emc.id, type: 'merged_into', to: emc.id })).toThrow()
  })
})

describe('tag all occurrences', () => {
  it('proposes untagged mentions of the text and of the actor’s unambiguous aliases across the corpus, then tags them', () => {
    const { store, tags, byName } = setup()
    const one = addArticle(store, 'The Gulf Clan announced a ceasefire. Later the gulf clan said more.', 'one.txt')
    const two = addArticle(store, 'Police blamed the Clan del Golfo, also called the Urabeños or AGC.', 'two.txt')
    addArticle(store, 'Nothing about that group here.', 'three.txt')
    const gulf = byName('Gulf Clan (EGC)')
    const tag = tags.create(USER, { articleId: one, label: 'Actor', fragments: [{ start: 4, end: 13 }] }).upserted[0]!
    tags.update(USER, { id: tag.id, attributes: { entity: gulf.id } })
    const inArticle = findOccurrences(store, store.annotations.get(tag.id)!, 'article', true)
    expect(inArticle.occurrences.map((o) => o.quote)).toEqual(['gulf clan'])
    const found = findOccurrences(store, store.annotations.get(tag.id)!, 'corpus', true)
    expect(found.occurrences.map((o) => [o.articleId, o.quote])).toEqual([
      [one, 'gulf clan'],
      [two, 'Clan del Golfo'],
      [two, 'Urabeños']
    ])
    const result = tags.tagOccurrences(USER, tag.id, found.occurrences)
    expect(result).toMatchObject({ created: 3, articles: 2 })
    const second = store.annotations.listByArticle(two)
    expect(second.map((a) => [a.label, a.fragments[0]!.quote, a.attributes])).toEqual([
      ['Actor', 'Clan del Golfo', { entity: gulf.id }],
      ['Actor', 'Urabeños', { entity: gulf.id }]
    ])
    expect(store.actors.mentions(gulf.id, 10)).toHaveLength(4)
    expect(findOccurrences(store, store.annotations.get(tag.id)!, 'corpus', true).occurrences).toEqual([])
    // each article undoes its own part
    tags.undo(USER, two)
    expect(store.annotations.listByArticle(two)).toEqual([])
    expect(store.annotations.listByArticle(one)).toHaveLength(2)
  })

  it('gives each proposal a one-line snippet: the whole match, with context trimmed at word boundaries', () => {
    const { store, tags } = setup()
    const long = 'Autodefensas Gaitanistas de Colombia'
    const text =
      `${long} opened the statement. Reporters in the northern region said yesterday that the armed group known as the ${long}\n\nhad withdrawn ` +
      'from three villages near the river, according to local leaders.'
    const article = addArticle(store, text, 'agc.txt')
    const tag = tags.create(USER, { articleId: article, label: 'Actor', fragments: [{ start: 0, end: long.length }] }).upserted[0]!
    const [found] = findOccurrences(store, store.annotations.get(tag.id)!, 'article', false).occurrences
    expect(found).toMatchObject({ quote: long, before: '…group known as the ', after: ' had withdrawn from…' })
    expect(`${found!.before}${found!.quote}${found!.after}`.length).toBeLessThanOrEqual(82)
  })
})
