import type { Db } from './open-project-db'

/**
 * Runs bulk work with a large page cache (256 MB by default) and in-memory temp storage: tags are keyed by
 * random UUIDs, so their indexes are touched at random and thrash the default 2 MB cache (an order of magnitude slower).
 */
export function withLargeCache<T>(db: Db, work: () => T, megabytes = 256): T {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  const tempStore = db.pragma('temp_store', { simple: true }) as number
  db.pragma(`cache_size = -${megabytes * 1024}`)
  db.pragma('temp_store = MEMORY')
  try {
    return work()
  } finally {
    db.pragma(`cache_size = ${cacheSize}`)
    db.pragma(`temp_store = ${tempStore}`)
  }
}
