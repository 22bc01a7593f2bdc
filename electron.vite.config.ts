import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // the benchmark drives Chromium; Playwright is a dev tool and must not be bundled
        external: ['@playwright/test'],
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          serve: resolve(__dirname, 'src/main/serve.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          bench: resolve(__dirname, 'src/main/bench/bench.ts'),
          'import-worker': resolve(__dirname, 'src/main/jobs/import-worker.ts'),
          'import-read-worker': resolve(__dirname, 'src/main/jobs/import-read-worker.ts'),
          'exchange-worker': resolve(__dirname, 'src/main/jobs/exchange-worker.ts')
        }
      }
    }
  },
  preload: {
    build: { rollupOptions: { output: { format: 'cjs' } } }
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') } },
    plugins: [react()]
  }
})
