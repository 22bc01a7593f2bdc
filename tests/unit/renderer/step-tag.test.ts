import { expect, it } from 'vitest'
import fc from 'fast-check'
import type { Annotation } from '@shared/domain'
import { inTextOrder } from '@renderer/views/article/articleState'
import { stepTag } from '@renderer/views/article/stepTag'

const tag = (id: string, start: number, end = start + 3, createdAt = '2026-01-01T00:00:00.000Z'): Annotation => ({
  id,
  articleId: 1,
  annotatorId: 'a',
  annotatorName: 'Ana',
  label: 'Actor',
  fragments: [{ start, end, quote: 'abc', prefix: '', suffix: '' }],
  attributes: {},
  note: '',
  status: 'draft',
  links: [],
  missing: [],
  createdAt,
  updatedAt: createdAt
})
const map = (...tags: Annotation[]) => new Map(tags.map((t) => [t.id, t]))

it('steps through tags in the side panel’s order, nested and tied tags included, wrapping at both ends', () => {
  // inserted out of order: c nests in b (same start, shorter), d and e tie on everything but their ids
  const tags = map(tag('d', 40), tag('b', 10, 30), tag('a', 2), tag('e', 40), tag('c', 10, 12))
  const forward: string[] = []
  for (let id = stepTag(tags, null, 1), n = 0; id && n < 6; id = stepTag(tags, id, 1), n++) forward.push(id)
  expect(forward).toEqual(['a', 'b', 'c', 'd', 'e', 'a'])
  expect(stepTag(tags, 'a', -1)).toBe('e')
  expect(stepTag(tags, 'd', -1)).toBe('c')
  expect(stepTag(tags, 'e', -1)).toBe('d')
})

it('with no tag selected, starts from the caret: the first tag at or after it, or the last one before it', () => {
  const tags = map(tag('a', 2), tag('b', 10), tag('c', 40))
  expect(stepTag(tags, null, 1, 10)).toBe('b')
  expect(stepTag(tags, null, 1, 11)).toBe('c')
  expect(stepTag(tags, null, -1, 10)).toBe('a')
  expect(stepTag(tags, null, 1, 41)).toBe('a')
  expect(stepTag(tags, null, -1, 0)).toBe('c')
})

it('has nowhere to go without another tag', () => {
  expect(stepTag(map(), null, 1)).toBeNull()
  expect(stepTag(map(tag('a', 2)), 'a', 1)).toBeNull()
  expect(stepTag(map(tag('a', 2)), null, -1, 5)).toBe('a')
})

it('agrees with the sorted list for any tags: next and previous are the neighbours there', () => {
  const tagsArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 3 }), start: fc.nat(30), len: fc.integer({ min: 1, max: 5 }), t: fc.nat(2) }), {
    selector: (r) => r.id,
    minLength: 1,
    maxLength: 25
  })
  fc.assert(
    fc.property(tagsArb, fc.nat(), (raw, pick) => {
      const tags = map(...raw.map((r) => tag(r.id, r.start, r.start + r.len, `2026-01-01T00:00:0${r.t}.000Z`)))
      const sorted = inTextOrder(tags.values()).map((a) => a.id)
      const at = pick % sorted.length
      const n = sorted.length
      const expectNext = n === 1 ? null : sorted[(at + 1) % n]
      const expectPrev = n === 1 ? null : sorted[(at - 1 + n) % n]
      expect(stepTag(tags, sorted[at]!, 1)).toBe(expectNext)
      expect(stepTag(tags, sorted[at]!, -1)).toBe(expectPrev)
    })
  )
})
