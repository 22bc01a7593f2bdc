import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/static/content-security-policy'

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values.join(' ')]))

describe('the Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY)

  it('allows only our own scripts, styles and connections, and no plugins, frames, forms or base URL', () => {
    expect(policy.get('default-src')).toBe("'none'")
    expect(policy.get('script-src')).toBe("'self'")
    expect(policy.get('style-src')).toBe("'self'")
    expect(policy.get('connect-src')).toBe("'self'")
    expect(policy.get('img-src')).toBe("'self' data:")
    expect(policy.get('base-uri')).toBe("'none'")
    expect(policy.get('form-action')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|wasm|strict-dynamic/)
  })

  it('is the same in the renderer page meta tag, which is all a page has where no header is sent', () => {
    const html = readFileSync(resolve(__dirname, '../../../src/renderer/index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta).not.toBeNull()
    // a meta tag cannot carry frame-ancestors (browsers ignore it there), so only the header has it
    const expected = new Map(policy)
    expected.delete('frame-ancestors')
    expect(directives(meta![1]!)).toEqual(expected)
  })
})
