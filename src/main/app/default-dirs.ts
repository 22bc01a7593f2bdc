import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The same data folder Electron's app.getPath('userData') gives, so browser mode and the CLI share settings. */
export function defaultDataDir(): string {
  if (process.env.SPANWISE_DATA_DIR) return resolve(process.env.SPANWISE_DATA_DIR)
  const home = homedir()
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Spanwise')
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Spanwise')
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Spanwise')
}

/** Built files sit in out/main; resources/ is two levels up in a checkout. */
export function defaultResourcesDir(mainDir: string): string {
  return process.env.SPANWISE_RESOURCES_DIR ?? resolve(mainDir, '..', '..', 'resources')
}
