import { describe, expect, it } from 'vitest'
import { appendPaths } from '@renderer/views/exchange/appendPaths'
import { splitPath } from '@renderer/views/exchange/splitPath'

describe('appendPaths', () => {
  it('adds chosen paths below the typed ones, once each, dropping blank lines', () => {
    expect(appendPaths('', ['/a/x.ann'])).toBe('/a/x.ann')
    expect(appendPaths(' /a/news \n\n', ['/a/x.ann', '/a/news', '/a/x.ann'])).toBe('/a/news\n/a/x.ann')
  })
})

describe('splitPath', () => {
  it.each([
    ['/home/ana/exports/run-1', { folder: '/home/ana/exports', name: 'run-1', sep: '/' }],
    ['C:\\Users\\ana\\run-1', { folder: 'C:\\Users\\ana', name: 'run-1', sep: '\\' }],
    ['run-1', { folder: '', name: 'run-1', sep: '/' }],
    ['/home/ana/', { folder: '/home/ana', name: '', sep: '/' }]
  ])('splitPath(%s)', (path, parts) => expect(splitPath(path)).toEqual(parts))
})
