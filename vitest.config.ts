import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') } },
  test: {
    projects: [
      { extends: true, test: { name: 'main', environment: 'node', include: ['tests/unit/main/**/*.test.ts', 'tests/unit/shared/**/*.test.ts', 'tests/unit/electron/**/*.test.ts', 'tests/unit/scripts/**/*.test.ts', 'tests/unit/fuzz/**/*.test.ts'] } },
      { extends: true, test: { name: 'renderer', environment: 'happy-dom', include: ['tests/unit/renderer/**/*.test.{ts,tsx}'] } }
    ]
  }
})
