import { FUZZ_SCALE } from './fuzz-params'

/** Counts the cases a fuzz file ran by outcome, and prints them once (so a run shows how much was tried). */
export function fuzzTally(name: string) {
  const counts = new Map<string, number>()
  return {
    add(outcome: string): void {
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1)
    },
    total: () => [...counts.values()].reduce((a, b) => a + b, 0),
    print(): void {
      const total = [...counts.values()].reduce((a, b) => a + b, 0)
      const parts = [...counts.entries()].sort().map(([k, v]) => `${k} ${v}`)
      console.log(`fuzz ${name}: ${total} cases (${parts.join(', ')}) at SPANWISE_FUZZ_RUNS=${FUZZ_SCALE}`)
    }
  }
}
