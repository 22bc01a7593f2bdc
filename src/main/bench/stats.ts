export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}

export function fmt(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(0)} µs`
}

/** One benchmark line: the figure, the floor measured in the same run, and the target. */
export function report(name: string, value: number, floor: number | null, target: string): void {
  const ratio = floor ? `  (${(value / floor).toFixed(2)}× floor ${fmt(floor)})` : ''
  console.log(`${name.padEnd(46)} ${fmt(value).padStart(10)}${ratio}   target ${target}`)
}
