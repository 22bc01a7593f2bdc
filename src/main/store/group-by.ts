/** Groups rows by a key, keeping their order within each group. */
export function groupBy<R, K = string>(rows: Iterable<R>, key: (r: R) => K): Map<K, R[]> {
  const map = new Map<K, R[]>()
  for (const r of rows) {
    const k = key(r)
    const list = map.get(k)
    if (list) list.push(r)
    else map.set(k, [r])
  }
  return map
}
