import { describe, expect, it } from 'vitest'
import { issueText } from '../../../src/shared/issue-text'

describe('issueText', () => {
  it('puts the file and line before a message that does not name them, and leaves one that does as it is', () => {
    expect(issueText({ file: 'news/a.ann', line: 4, severity: 'error', code: 'BAD_LINE', message: 'T3: "0" is not a "start end" pair' })).toBe('news/a.ann line 4: T3: "0" is not a "start end" pair')
    expect(issueText({ file: 'b.jsonl', severity: 'error', code: 'EMPTY_FILE', message: 'b.jsonl has no examples.' })).toBe('b.jsonl has no examples.')
    expect(issueText({ file: 'c.ann', severity: 'warning', code: 'NOT_CARRIED', message: 'left out' })).toBe('c.ann: left out')
  })
})
