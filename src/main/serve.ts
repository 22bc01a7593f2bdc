import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createHandlers } from './api/handlers'
import { assertComplete } from './api/dispatch'
import { defaultDataDir, defaultResourcesDir } from './app/default-dirs'
import { Workbench } from './app/workbench'
import { createBrowserServer, listenOnLoopback, LOOPBACK_HOST } from './serve/http-server'
import type { EventSink } from './jobs/event-sink'

const USAGE = `Usage: npm run serve [-- --project <file.spanwise>] [--port <n>] [--data-dir <dir>] [--backup-minutes <n>]
  --project         the project to open (default: the last one opened, else the built-in demo project)
  --port            the port on 127.0.0.1 (default 0: any free port)
  --data-dir        where settings, recent projects and the demo live (default: your user data folder)
  --backup-minutes  minutes between automatic verified backups; 0 turns them off (default 10)
Prints a URL with a one-time token; open it in any browser on this machine. Ctrl+C stops the server.`

// browser mode: the same workbench as the desktop app, over HTTP on the loopback address
async function main(): Promise<void> {
  let values
  try {
    values = parseArgs({
      options: {
        project: { type: 'string' },
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        'backup-minutes': { type: 'string', default: '10' },
        help: { type: 'boolean', short: 'h', default: false }
      },
      strict: true
    }).values
  } catch (error) {
    // bad usage exits 2, as the CLI's does
    return usageError((error as Error).message)
  }
  if (values.help) return console.log(USAGE)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(`--port must be a number from 0 to 65535, not "${values.port}"`)
  const backupMinutes = Number(values['backup-minutes'])
  if (!(backupMinutes >= 0)) return usageError(`--backup-minutes must be a number of minutes (0 turns automatic backups off), not "${values['backup-minutes']}"`)
  let broadcast: EventSink = () => {}
  const wb = new Workbench({
    mode: 'browser',
    dataDir: values['data-dir'] ?? defaultDataDir(),
    resourcesDir: defaultResourcesDir(__dirname),
    workerPath: join(__dirname, 'import-worker.js'),
    emit: (event, payload) => broadcast(event, payload),
    backupIntervalMinutes: backupMinutes
  })
  await wb.openInitial(values.project)
  const handlers = createHandlers(wb)
  assertComplete(handlers)
  const token = randomBytes(24).toString('base64url')
  const server = createBrowserServer({ handlers, staticDir: join(__dirname, '..', 'renderer'), token })
  broadcast = server.broadcast
  const actual = await listenOnLoopback(server.server, port)
  console.log(`Spanwise is running in browser mode on project ${wb.projectInfo().path}`)
  console.log(`Open http://${LOOPBACK_HOST}:${actual}/?token=${token}`)
  const stop = () => {
    server.server.close()
    wb.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function usageError(message: string): never {
  console.error(`spanwise serve: ${message}\n${USAGE}`)
  process.exit(2)
}

main().catch((error: unknown) => {
  console.error(`spanwise serve: ${(error as Error).message}`)
  process.exit(1)
})
