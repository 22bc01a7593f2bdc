/** Numbers one .ann file's annotations per kind: T1, T2…, E1…, R1…, A1…, N1…, #1…. */
export class BratIds {
  private readonly last = new Map<string, number>()

  next(prefix: 'T' | 'E' | 'R' | 'A' | 'N' | '#'): string {
    const n = (this.last.get(prefix) ?? 0) + 1
    this.last.set(prefix, n)
    return `${prefix}${n}`
  }
}
