import { hostname } from 'node:os'

/** This process as an import owner: host and pid. Worker threads share the pid of the app that started them. */
export function currentImportOwner(): string {
  return `${hostname()}|${process.pid}`
}

/** False only when the owner is a process on this machine that no longer exists; unknown owners count as alive. */
export function importOwnerAlive(owner: string | null): boolean {
  if (!owner) return true
  const [host, pid] = owner.split('|')
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return true
  try {
    process.kill(Number(pid), 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}
