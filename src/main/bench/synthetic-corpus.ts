/** Deterministic synthetic news text: a Zipf-distributed vocabulary, ~5 KB articles, fixed seed. */
export function createRng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'ta', 'so', 'vel', 'dor', 'an', 'is', 'por', 'que', 'lu', 'ma', 'ne', 'gol', 'fo', 'cla', 'pe', 'tro']

export function vocabulary(size: number, rng: () => number): string[] {
  // up to four syllables: 168,420 possible words, far more than any size asked for
  if (size > 100_000) throw new RangeError('vocabulary size above 100,000')
  const words = new Set<string>()
  while (words.size < size) {
    const n = 1 + Math.floor(rng() * 4)
    let w = ''
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rng() * SYLLABLES.length)]
    words.add(w)
  }
  return [...words]
}

/** Draws word ranks with probability ∝ 1/rank (Zipf, s = 1) via a precomputed cumulative table. */
export function zipfSampler(n: number, rng: () => number): () => number {
  const cdf = new Float64Array(n)
  let sum = 0
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1)
  return () => {
    const x = rng() * sum
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

export function syntheticArticle(words: string[], draw: () => number, rng: () => number, bytes: number, id: number): { title: string; text: string } {
  const parts: string[] = []
  let size = 0
  let sentence = 0
  while (size < bytes) {
    const w = words[draw()]!
    const word = sentence === 0 ? w[0]!.toUpperCase() + w.slice(1) : w
    parts.push(word)
    size += word.length + 1
    sentence++
    if (sentence > 8 && rng() < 0.12) {
      parts[parts.length - 1] += rng() < 0.1 ? '.\n\n' : '.'
      sentence = 0
    }
  }
  return { title: `Report ${id}: ${words[draw()]} ${words[draw()]}`, text: parts.join(' ') }
}

/** JSONL of `count` synthetic articles, as a browser or pipeline would hand them to the importer. */
export function syntheticJsonl(count: number, bytesEach: number, seed: number): Buffer {
  const rng = createRng(seed)
  const words = vocabulary(20_000, rng)
  const draw = zipfSampler(words.length, rng)
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    const a = syntheticArticle(words, draw, rng, bytesEach, i)
    lines.push(JSON.stringify({ title: a.title, text: a.text, source: `Outlet ${i % 37}`, published: `2031-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}` }))
  }
  return Buffer.from(lines.join('\n'))
}
