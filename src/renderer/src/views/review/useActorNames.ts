import { useEffect, useState } from 'react'
import { api } from '../../api/client'

// names already asked for, shared by every version shown: a registry rename shows after a reload of the review
const known = new Map<string, string>()

/** Names of the registry's actors with these ids, fetched once each; an id not yet known shows as itself. */
export function useActorNames(ids: readonly string[]): (id: string) => string {
  const [, setFetched] = useState(0)
  const missing = ids.filter((id) => !known.has(id))
  const key = missing.join(',')
  useEffect(() => {
    if (!key) return
    let live = true
    void Promise.all(
      key.split(',').map((id) =>
        api.call('actors.get', { id }).then(
          (a) => known.set(id, a.name),
          () => known.set(id, id)
        )
      )
    ).then(() => live && setFetched((n) => n + 1))
    return () => {
      live = false
    }
  }, [key])
  return (id) => known.get(id) ?? id
}
