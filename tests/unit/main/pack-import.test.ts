import { afterEach, describe, expect, it } from 'vitest'
import { CodebookService } from '../../../src/main/codebook/codebook-service'
import { ReviewService } from '../../../src/main/review/review-service'
import { EMPTY_MIGRATION } from '../../../src/shared/codebook/codebook-migration'
import { dumpTables, exportPack, importPack, layerFacts, projectWithArticles, readZip, rewritePack, THIRD } from '../../helpers/pack-fixtures'
import { ANA, BEN, cleanupTemp } from '../../helpers/project'

afterEach(cleanupTemp)

/** Ben's own project (same articles as Ana's, plus one she lacks), where he tags; Ana's, where she tags and imports his packs. */
function twoCoders() {
  const ben = projectWithArticles(true)
  const attack = ben.tag(BEN, ben.huila, 'Event', 'attacked', 'Ben thinks so')
  const gunmen = ben.tag(BEN, ben.huila, 'Actor', 'Gunmen')
  const police = ben.tag(BEN, ben.huila, 'Actor', 'police officers')
  ben.service.link(BEN, { from: attack, type: 'perpetrator', to: gunmen })
  ben.service.update(BEN, { id: attack, attributes: { fatalities_reported: 7 } })
  ben.tag(BEN, ben.second, 'Actor', 'ELN')
  ben.tag(BEN, ben.third!, 'Place', 'Havana')
  const ana = projectWithArticles()
  const mine = ana.tag(ANA, ana.huila, 'Actor', 'Mobile Column')
  return { ben, ana, attack, gunmen, police, mine }
}

/** The state a repeated import must not change: everything but the import log and the time a pack was imported. */
const state = (store: Parameters<typeof dumpTables>[0]) => {
  const { import_batch: _batches, pack_layer, ...rest } = dumpTables(store)
  return { ...rest, pack_layer: pack_layer!.map((r) => r.replace(/"imported_at":"[^"]+"/, '')) }
}

describe('annotation pack import', () => {
  it('puts the colleague’s tags in their own layer, matched by content hash, and leaves mine alone', () => {
    const { ben, ana } = twoCoders()
    const mineBefore = layerFacts(ana.store, ANA.id)
    const { file } = exportPack(ben.store, BEN)
    const report = importPack(ana.store, ANA, [file])
    expect(report).toMatchObject({ committed: true, errors: 0, articlesMatched: 2, articlesAdded: 0, annotations: 4, links: 1 })
    expect(report.pack).toMatchObject({ tagsAdded: 4, tagsReplaced: 0, tagsRemoved: 0, refused: 0, missing: [{ title: THIRD, hasText: false }] })
    expect(report.issues.map((i) => i.code)).toEqual(['ARTICLE_MISSING'])
    // the same tags, ids, fragments, attributes, notes and links as in Ben's project (less the article Ana lacks)
    expect(layerFacts(ana.store, BEN.id)).toEqual(layerFacts(ben.store, BEN.id).filter((l) => !l.includes('Havana')))
    expect(layerFacts(ana.store, ANA.id)).toEqual(mineBefore)
    expect(ana.store.db.prepare('SELECT name FROM annotator WHERE id = ?').pluck().get(BEN.id)).toBe('Ben')
    const layers = ana.store.db.prepare('SELECT article_id, pack_id FROM pack_layer WHERE annotator_id = ? ORDER BY article_id').all(BEN.id)
    expect(layers).toEqual([
      { article_id: ana.huila, pack_id: report.pack!.packs[0]!.id },
      { article_id: ana.second, pack_id: report.pack!.packs[0]!.id }
    ])
  })

  it('is idempotent: the same pack twice gives the same state', () => {
    const { ben, ana } = twoCoders()
    const { file } = exportPack(ben.store, BEN)
    importPack(ana.store, ANA, [file])
    const once = state(ana.store)
    const again = importPack(ana.store, ANA, [file])
    expect(again.pack).toMatchObject({ tagsAdded: 0, tagsReplaced: 4, tagsRemoved: 0 })
    expect(state(ana.store)).toEqual(once)
  })

  it('a newer pack replaces the layer: edits and new tags apply, deleted tags disappear, review comments on kept tags stay', () => {
    const { ben, ana, attack, police } = twoCoders()
    importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    const comment = ana.store.db.prepare('INSERT INTO tag_comment (id, annotation_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)')
    comment.run('c1', attack, ANA.id, 'Seven or eight?', '2026-01-02T00:00:00.000Z')
    comment.run('c2', police, ANA.id, 'Officers, not soldiers', '2026-01-02T00:00:00.000Z')
    ben.service.delete(BEN, police)
    ben.service.update(BEN, { id: attack, note: 'eight, per the police report', attributes: { fatalities_reported: 8 } })
    ben.tag(BEN, ben.second, 'Actor', 'Clan del Golfo')
    const report = importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    expect(report).toMatchObject({ committed: true, errors: 0 })
    expect(report.pack).toMatchObject({ tagsAdded: 1, tagsReplaced: 3, tagsRemoved: 1 })
    expect(layerFacts(ana.store, BEN.id)).toEqual(layerFacts(ben.store, BEN.id).filter((l) => !l.includes('Havana')))
    expect(ana.store.annotations.get(police)).toBeNull()
    expect(ana.store.annotations.get(attack)).toMatchObject({ note: 'eight, per the police report', attributes: { fatalities_reported: 8 } })
    expect(ana.store.db.prepare('SELECT id FROM tag_comment').pluck().all()).toEqual(['c1'])
    expect(report.issues.map((i) => i.message).join(' ')).toContain('1 review comment on tags the coder has since deleted')
    expect(ana.store.db.prepare('SELECT count(*) FROM annotation WHERE annotator_id = ?').pluck().get(BEN.id)).toBe(4)
  })

  it('a newer pack keeps my verdicts on the tags it brings back unchanged, and reopens the ones it changed', () => {
    const { ben, ana, attack, gunmen } = twoCoders()
    importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    const review = new ReviewService(ana.store, ana.service)
    review.decide(ANA, { articleId: ana.huila, candidates: [gunmen], decision: 'reject', reason: '', guideline: '' })
    review.decide(ANA, { articleId: ana.huila, candidates: [attack], decision: 'accept', chosenId: attack, reason: '', guideline: '' })
    ben.service.update(BEN, { id: attack, attributes: { fatalities_reported: 8 } })
    importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    expect(ana.store.annotations.get(gunmen)!.status).toBe('rejected')
    expect(ana.store.annotations.get(attack)!.status).toBe('draft')
    const settled = (id: string) => review.article(ANA, ana.huila).units.find((u) => Object.values(u.members).includes(id))!.settled
    expect(settled(gunmen)).toBe(true)
    expect(settled(attack)).toBe(false)
  })

  it('an article the coder emptied since their last pack loses their tags there', () => {
    const { ben, ana } = twoCoders()
    importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    for (const t of ben.store.annotations.listByArticle(ben.second)) ben.service.delete(BEN, t.id)
    const report = importPack(ana.store, ANA, [exportPack(ben.store, BEN, { filter: { articleIds: [ben.huila, ben.second] } }).file])
    expect(report.pack).toMatchObject({ tagsRemoved: 1 })
    expect(ana.store.db.prepare('SELECT count(*) FROM annotation WHERE annotator_id = ? AND article_id = ?').pluck().get(BEN.id, ana.second)).toBe(0)
  })

  it('refuses an older pack than the one imported for an article (nothing changed) unless forced', () => {
    const { ben, ana, police } = twoCoders()
    const older = exportPack(ben.store, BEN).file
    ben.service.delete(BEN, police)
    // the packs' times are their export times; make sure the second is later
    const newer = (() => {
      const wait = Date.now() + 5
      while (Date.now() < wait);
      return exportPack(ben.store, BEN).file
    })()
    importPack(ana.store, ANA, [newer])
    const before = dumpTables(ana.store)
    const refused = importPack(ana.store, ANA, [older])
    expect(refused.committed).toBe(false)
    expect(refused.pack!.refused).toBe(2)
    expect(refused.issues.filter((i) => i.code === 'OLDER_PACK' && i.severity === 'error')).toHaveLength(2)
    expect(refused.issues[0]!.message).toMatch(/is older than the one already imported for this article .* so it is refused/)
    expect(dumpTables(ana.store)).toEqual(before)
    const forced = importPack(ana.store, ANA, [older], { force: true })
    expect(forced).toMatchObject({ committed: true, errors: 0 })
    expect(ana.store.annotations.get(police)).not.toBeNull()
  })

  it('of two packs by one coder in one import, the newer wins for the articles both hold', () => {
    const { ben, ana, police } = twoCoders()
    const older = exportPack(ben.store, BEN, {}, 'old.spanpack').file
    ben.service.delete(BEN, police)
    const wait = Date.now() + 5
    while (Date.now() < wait);
    const newer = exportPack(ben.store, BEN, {}, 'new.spanpack').file
    const report = importPack(ana.store, ANA, [newer, older])
    expect(report).toMatchObject({ committed: true, errors: 0 })
    expect(ana.store.annotations.get(police)).toBeNull()
    // each of the older pack's three articles is passed over, the one Ana lacks included
    expect(report.issues.filter((i) => i.code === 'OLDER_PACK' && i.severity === 'warning')).toHaveLength(3)
  })

  it('refuses my own pack: my layer is never overwritten', () => {
    const { ana } = twoCoders()
    const { file } = exportPack(ana.store, ANA)
    const before = dumpTables(ana.store)
    expect(() => importPack(ana.store, ANA, [file])).toThrow(/holds your own tags \(Ana, exported \d{4}-\d\d-\d\d \d\d:\d\d UTC\); a pack brings a colleague's tags in as their layer/)
    expect(dumpTables(ana.store)).toEqual(before)
  })

  it('refuses a coder id known under another name, naming both, whether from the project or another pack', () => {
    const { ben, ana } = twoCoders()
    importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    const renamed = exportPack(ben.store, { ...BEN, name: 'Benjamin' }, {}, 'renamed.spanpack').file
    const before = dumpTables(ana.store)
    expect(() => importPack(ana.store, ANA, [renamed])).toThrow(/renamed.spanpack is by "Benjamin", but this project already knows that coder id .* as "Ben"/)
    expect(dumpTables(ana.store)).toEqual(before)
    const fresh = projectWithArticles()
    const first = exportPack(ben.store, BEN, {}, 'first.spanpack').file
    expect(() => importPack(fresh.store, ANA, [first, renamed])).toThrow(/name the same coder id .* as "(Ben|Benjamin)" and as "(Ben|Benjamin)"/)
    expect(fresh.store.db.prepare('SELECT count(*) FROM annotation').pluck().get()).toBe(0)
  })

  it('maps labels the codebook lacks (or refuses until told), and reports attributes it does not define', () => {
    const { ben, ana } = twoCoders()
    const codebooks = new CodebookService(ben.store)
    const v1 = ben.store.codebooks.get()
    const labels = v1.labels.map((l) => (l.name === 'Actor' ? { ...l, attributes: [...l.attributes, { key: 'rank', name: 'Rank', type: 'text' as const, required: false, description: '', many: false }] } : l))
    labels.push({ name: 'Weapon', description: '', color: '#CC79A7', hotkey: null, parent: null, order: labels.length, attributes: [] })
    codebooks.save(BEN, { codebook: { ...v1, labels }, note: 'weapons and ranks', migration: EMPTY_MIGRATION, baseVersion: v1.version })
    const weapon = ben.tag(BEN, ben.second, 'Weapon', 'Quibdó')
    const eln = ben.store.annotations.listByArticle(ben.second)[0]!.id
    ben.service.update(BEN, { id: eln, attributes: { rank: 'commander' } })
    const { file } = exportPack(ben.store, BEN)
    const before = dumpTables(ana.store)
    const undecided = importPack(ana.store, ANA, [file])
    expect(undecided).toMatchObject({ committed: false, unresolvedLabels: ['Weapon'] })
    expect(undecided.issues.map((i) => i.code)).toContain('CODEBOOK_DIFFERS')
    expect(dumpTables(ana.store)).toEqual(before)
    const mapped = importPack(ana.store, ANA, [file], { labelMap: { Weapon: 'Place' } })
    expect(mapped).toMatchObject({ committed: true, errors: 0 })
    expect(ana.store.annotations.get(weapon)).toMatchObject({ label: 'Place', annotatorId: BEN.id })
    expect(mapped.issues.find((i) => i.code === 'UNKNOWN_ATTRIBUTE')!.message).toContain('"commander" was left out')
    expect(ana.store.annotations.get(eln)!.attributes).toEqual({})
  })

  it('lists articles the project lacks; adds them only when asked and when the pack has their text', () => {
    const { ben, ana } = twoCoders()
    const bare = exportPack(ben.store, BEN).file
    const withText = exportPack(ben.store, BEN, { includeText: true }, 'text.spanpack').file
    const asked = importPack(ana.store, ANA, [bare], { addMissingArticles: true, dryRun: true })
    expect(asked).toMatchObject({ articlesAdded: 0, committed: false })
    expect(asked.pack!.missing).toEqual([{ title: THIRD, hash: expect.any(String), hasText: false }])
    const notAsked = importPack(ana.store, ANA, [withText], { dryRun: true })
    expect(notAsked.pack!.missing).toEqual([{ title: THIRD, hash: expect.any(String), hasText: true }])
    expect(notAsked.issues.find((i) => i.code === 'ARTICLE_MISSING')!.message).toContain('The pack has its text: import again adding the articles the project lacks')
    const added = importPack(ana.store, ANA, [withText], { addMissingArticles: true })
    expect(added).toMatchObject({ committed: true, articlesAdded: 1, articlesMatched: 2, annotations: 5 })
    expect(added.pack!.missing).toEqual([])
    const third = ana.store.db.prepare('SELECT id, text FROM article WHERE text = ?').get(THIRD) as { id: number }
    expect(ana.store.annotations.listByArticle(third.id).map((t) => [t.label, t.annotatorId])).toEqual([['Place', BEN.id]])
    expect(ana.store.db.prepare('SELECT pack_id FROM pack_layer WHERE article_id = ?').pluck().get(third.id)).toBe(added.pack!.packs[0]!.id)
  })

  it('a pack matching no article of the project (and without text) is refused with a clear message, nothing changed', () => {
    const { ben } = twoCoders()
    const stranger = projectWithArticles()
    stranger.store.db.exec('DELETE FROM article')
    const before = dumpTables(stranger.store)
    expect(() => importPack(stranger.store, ANA, [exportPack(ben.store, BEN).file])).toThrow(
      /None of the 3 articles in pack.spanpack is in this project \(articles are matched by the SHA-256 of their text\), so nothing was imported. The pack has no article text/
    )
    expect(() => importPack(stranger.store, ANA, [exportPack(ben.store, BEN, { includeText: true }).file])).toThrow('The pack has their text: import again adding the articles the project lacks')
    expect(dumpTables(stranger.store)).toEqual(before)
  })

  it('carries the coder’s done marks: set with their time, taken back when the coder reopened an article, untouched by a pack that has none', () => {
    const { ben, ana } = twoCoders()
    ana.store.review.setDone(ana.huila, ANA.id, true)
    const anaDone = ana.store.review.doneAt(ana.huila, ANA.id)
    ben.store.review.setDone(ben.huila, BEN.id, true)
    const first = exportPack(ben.store, BEN)
    expect(JSON.parse(readZip(first.file)['pack.json']!).counts).toMatchObject({ doneMarks: 1 })
    const report = importPack(ana.store, ANA, [first.file])
    expect(report.pack).toMatchObject({ doneMarked: 1, doneCleared: 0 })
    expect(ana.store.review.doneAt(ana.huila, BEN.id)).toBe(ben.store.review.doneAt(ben.huila, BEN.id))
    expect(ana.store.review.doneAt(ana.second, BEN.id)).toBeNull()
    // Ben reopens the Huila article and finishes the second one; his next pack says so
    ben.store.review.setDone(ben.huila, BEN.id, false)
    ben.store.review.setDone(ben.second, BEN.id, true)
    const second = importPack(ana.store, ANA, [exportPack(ben.store, BEN).file])
    expect(second.pack).toMatchObject({ doneMarked: 1, doneCleared: 1 })
    expect(ana.store.review.doneAt(ana.huila, BEN.id)).toBeNull()
    expect(ana.store.review.doneAt(ana.second, BEN.id)).toBe(ben.store.review.doneAt(ben.second, BEN.id))
    // my own done mark is mine: no pack of Ben's touches it
    expect(ana.store.review.doneAt(ana.huila, ANA.id)).toBe(anaDone)
    // a pack from before done marks travelled (no doneMarks on its lines) leaves the marks as they are
    ben.store.review.setDone(ben.second, BEN.id, false)
    const old = rewritePack(
      exportPack(ben.store, BEN).file,
      (e) => ({ ...e, 'articles.jsonl': e['articles.jsonl']!.split('\n').map((l, i) => (i === 0 || l === '' ? l : JSON.stringify({ ...JSON.parse(l), doneMarks: undefined }))).join('\n') }),
      true
    )
    expect(importPack(ana.store, ANA, [old]).pack).toMatchObject({ doneMarked: 0, doneCleared: 0 })
    expect(ana.store.review.doneAt(ana.second, BEN.id)).not.toBeNull()
  })

  it('counts only done marks that changed; a dry run sets none; an article the pack adds gets its mark; a broken mark leaves the mark alone', () => {
    const { ben, ana } = twoCoders()
    ben.store.review.setDone(ben.huila, BEN.id, true)
    ben.store.review.setDone(ben.third!, BEN.id, true)
    const pack = exportPack(ben.store, BEN, { includeText: true })
    // the pack's lines carry the done mark and nothing else of the review records
    const lines = readZip(pack.file)['articles.jsonl']!.trim().split('\n').slice(1).map((l) => JSON.parse(l))
    expect(lines.every((l) => !('adjudications' in l) && l.annotations.every((t: object) => !('comments' in t)))).toBe(true)
    expect(lines.map((l) => l.doneMarks.length)).toEqual([1, 0, 1])
    const before = dumpTables(ana.store)
    expect(importPack(ana.store, ANA, [pack.file], { dryRun: true, addMissingArticles: true }).pack).toMatchObject({ doneMarked: 2 })
    expect(dumpTables(ana.store)).toEqual(before)
    expect(importPack(ana.store, ANA, [pack.file], { addMissingArticles: true }).pack).toMatchObject({ doneMarked: 2, doneCleared: 0 })
    const third = ana.store.db.prepare('SELECT id FROM article WHERE title = ?').pluck().get(THIRD) as number
    expect(ana.store.review.doneAt(third, BEN.id)).toBe(ben.store.review.doneAt(ben.third!, BEN.id))
    // the same pack again changes no mark, and says so
    expect(importPack(ana.store, ANA, [pack.file]).pack).toMatchObject({ doneMarked: 0, doneCleared: 0 })
    // a mark that fails its check is reported; importing the rest keeps the mark as it was
    const broken = rewritePack(pack.file, (e) => ({ ...e, 'articles.jsonl': e['articles.jsonl']!.replace(/"doneAt":"[^"]+"/, '"doneAt":123') }), true)
    const report = importPack(ana.store, ANA, [broken], { skipInvalid: true })
    expect(report.issues.some((i) => i.severity === 'error' && /done mark/.test(i.message))).toBe(true)
    expect(ana.store.review.doneAt(ana.huila, BEN.id)).toBe(ben.store.review.doneAt(ben.huila, BEN.id))
  })

  it('refuses a pack whose line carries another coder’s done mark, changing nothing', () => {
    const { ben, ana } = twoCoders()
    ben.store.review.setDone(ben.huila, BEN.id, true)
    const forged = rewritePack(
      exportPack(ben.store, BEN).file,
      (e) => ({ ...e, 'articles.jsonl': e['articles.jsonl']!.replace(`"doneMarks":[{"annotator":{"id":"${BEN.id}","name":"Ben"}`, `"doneMarks":[{"annotator":{"id":"${ANA.id}","name":"Ana"}`) }),
      true
    )
    const before = dumpTables(ana.store)
    const report = importPack(ana.store, ANA, [forged])
    expect(report.committed).toBe(false)
    expect(report.issues.map((i) => i.message).join(' ')).toContain('a done mark by Ana, not Ben; a pack carries one coder')
    expect(dumpTables(ana.store)).toEqual(before)
  })

  it('a dry run reports what would happen and changes nothing', () => {
    const { ben, ana } = twoCoders()
    const before = dumpTables(ana.store)
    const check = importPack(ana.store, ANA, [exportPack(ben.store, BEN).file], { dryRun: true })
    expect(check).toMatchObject({ committed: false, errors: 0, annotations: 4, articlesMatched: 2 })
    expect(check.pack).toMatchObject({ tagsAdded: 4 })
    expect(dumpTables(ana.store)).toEqual(before)
  })
})
