import { defineConfig } from '@playwright/test'

// Debian's Chromium (never `npx playwright install`); CHROMIUM_PATH overrides it.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // builds out/ once when a source is newer than the last build (the default export of fixtures.ts)
  globalSetup: './fixtures.ts',
  outputDir: '../../test-results/e2e',
  // each test starts its own server process; the machine has 2 cores
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    }
  }
})
