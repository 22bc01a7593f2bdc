/** "1 tag", "2 tags": a count with its noun in the right number (`many` for irregular plurals). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The verb after plural(n, …): "1 tag was", "2 tags were". */
export function was(n: number): string {
  return n === 1 ? 'was' : 'were'
}
