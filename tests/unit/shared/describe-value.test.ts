import { describe, expect, it } from 'vitest'
import { describeValue } from '../../../src/shared/codebook/describe-value'
import { fitValue } from '../../../src/shared/codebook/fit-value'
import type { AttributeDef } from '../../../src/shared/codebook/codebook-schema'

const def = (type: AttributeDef['type'], extra: Partial<AttributeDef> = {}): AttributeDef => ({ key: 'k', name: 'K', description: '', type, required: false, many: false, ...extra })
const choices = [
  { value: 'armed_clash', label: 'Armed clash', description: '' },
  { value: 'attack', label: 'Attack', description: '' }
]

describe('describeValue', () => {
  it('words values as a reviewer reads them: choice labels, yes/no, actor names, several sorted, empty said', () => {
    expect(describeValue(def('single', { values: choices }), 'attack')).toBe('Attack')
    expect(describeValue(def('multi', { values: choices }), ['attack', 'armed_clash'])).toBe('Armed clash | Attack')
    expect(describeValue(def('boolean'), false)).toBe('no')
    expect(describeValue(def('actor'), 'a1', (id) => (id === 'a1' ? 'Gulf Clan' : id))).toBe('Gulf Clan')
    expect(describeValue(def('number'), 7)).toBe('7')
    expect(describeValue(def('single', { values: choices }), 'retired')).toBe('retired')
    expect(describeValue(undefined, { odd: 1 })).toBe('{"odd":1}')
    for (const empty of [undefined, null, '', []]) expect(describeValue(def('text'), empty)).toBe('(empty)')
  })
})

describe('fitValue', () => {
  it('turns a value coded under another type into this one only where nothing is lost', () => {
    expect(fitValue(def('number'), '7')).toBe(7)
    expect(fitValue(def('number'), ' -2.5 ')).toBe(-2.5)
    expect(fitValue(def('number'), 'seven')).toBeUndefined()
    expect(fitValue(def('text'), 7)).toBe('7')
    expect(fitValue(def('text'), true)).toBe('yes')
    expect(fitValue(def('multi'), 'attack')).toEqual(['attack'])
    expect(fitValue(def('single'), ['attack'])).toBe('attack')
    expect(fitValue(def('single'), ['attack', 'armed_clash'])).toBeUndefined()
    expect(fitValue(def('boolean'), 'no')).toBe(false)
    expect(fitValue(def('date'), '2025-03-02')).toBe('2025-03-02')
    expect(fitValue(def('date'), 'March 2')).toBeUndefined()
    expect(fitValue(def('actor', { many: true }), 'a1')).toEqual(['a1'])
  })
})
