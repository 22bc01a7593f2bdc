import type fc from 'fast-check'

/** How many times the default runs a fuzz property makes; SPANWISE_FUZZ_RUNS=10 gives a long local run. */
export const FUZZ_SCALE = Math.max(1, Number(process.env.SPANWISE_FUZZ_RUNS ?? 1) || 1)

/** Longest one hostile input may take before it counts as a hang (far above the milliseconds a case normally takes). */
export const HANG_LIMIT_MS = 10_000

/**
 * fast-check settings for one fuzz property: `runs` cases (scaled by SPANWISE_FUZZ_RUNS), a fixed seed when
 * SPANWISE_FUZZ_SEED is set (to replay a failure), and a time cap so a slow machine shortens the run instead of hanging CI.
 */
export function fuzzParams<T>(runs: number, seconds = 15): fc.Parameters<T> {
  const seed = process.env.SPANWISE_FUZZ_SEED
  return {
    numRuns: Math.round(runs * FUZZ_SCALE),
    interruptAfterTimeLimit: seconds * 1000 * FUZZ_SCALE,
    ...(seed ? { seed: Number(seed) } : {})
  }
}

/** The vitest timeout for a property run with fuzzParams(…, seconds): its time cap plus room for the last case and set-up. */
export const fuzzTimeout = (seconds = 15) => (seconds * FUZZ_SCALE + 30) * 1000
