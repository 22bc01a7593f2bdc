import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stableUuid } from '../../../src/main/import/annotated/stable-uuid'
import { projectWithArticles } from '../../helpers/pack-fixtures'
import { cleanupTemp, tempDir } from '../../helpers/project'

const ROOT = resolve(__dirname, '../../..')
const CLI = join(ROOT, 'out', 'main', 'cli.js')

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs', '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
}, 180_000)
afterAll(cleanupTemp)

/** Runs the built CLI as `user` (SPANWISE_USER), as a coder at their own machine would. */
function cli(user: string, args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: tempDir(), encoding: 'utf8', timeout: 60_000, env: { ...process.env, SPANWISE_USER: user } })
  return { status: r.status, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>) }
}

/** A project file with the shared articles where `name` (as the CLI knows them) tagged one actor. */
function projectTaggedBy(name: string) {
  const p = projectWithArticles()
  p.tag({ id: stableUuid('cli-user', name), name }, p.huila, 'Actor', 'Gunmen')
  p.store.close()
  return p.store.path
}

describe('cli pack export / pack import', () => {
  it('exports my layer as a pack, and a colleague imports it into my layer there; a second import is refused as their own', () => {
    const bens = projectTaggedBy('Ben')
    const anas = projectTaggedBy('Ana')
    const pack = join(tempDir(), 'ben.spanpack')
    const exported = cli('Ben', ['pack', 'export', '--project', bens, '--out', pack])
    expect(exported.stderr).toBe('')
    expect(exported.status).toBe(0)
    expect(exported.lines[0]).toMatchObject({ format: 'pack', articles: 1, annotations: 1, destination: pack })
    expect(existsSync(pack)).toBe(true)

    const check = cli('Ana', ['pack', 'import', pack, '--project', anas, '--dry-run'])
    expect(check.status).toBe(0)
    expect(check.lines[0]).toMatchObject({ committed: false, annotations: 1, pack: { tagsAdded: 1, packs: [{ annotator: { name: 'Ben' } }] } })
    const imported = cli('Ana', ['pack', 'import', pack, '--project', anas])
    expect(imported.status).toBe(0)
    expect(imported.lines[0]).toMatchObject({ committed: true, articlesMatched: 1, annotations: 1 })

    const own = cli('Ben', ['pack', 'import', pack, '--project', bens])
    expect(own.status).toBe(1)
    expect(own.stderr).toContain('holds your own tags (Ben')
    expect(own.stderr).toContain('nothing was imported')
  })

  it('says what it needs', () => {
    const r = cli('Ana', ['pack', 'send', '--project', join(tempDir(), 'p.spanwise')])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('pack needs export or import')
    expect(cli('Ana', ['pack', 'import', '--project', join(tempDir(), 'p.spanwise')]).stderr).toContain('pack import needs at least one .spanpack file')
    expect(cli('Ana', ['export', '--format', 'csv', '--include-text', '--project', join(tempDir(), 'p.spanwise'), '--out', join(tempDir(), 'x')]).stderr).toContain('--include-text is for pack export')
  })
})
