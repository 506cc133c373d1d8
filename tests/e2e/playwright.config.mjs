// End-to-end tests of the playground page in Debian's chromium (never a downloaded browser).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8765);

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The repository's own static server; the wasm is already built by `cargo xtask test`.
    command: `cargo xtask serve --port ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 300_000,
  },
});
