import { existsSync, mkdtempSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The e2e run serves the production build on its own port with its own throwaway embedded database, so it
// never touches the data of `npm start`.
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;
// Playwright loads this file again in every worker: the environment carries the one data dir to them all.
const dataDir = (process.env.EXCHANGE_DESK_E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "exchange-desk-e2e-")));
chmodSync(dataDir, 0o755);

/** Debian's Chromium where present (these machines cannot download Playwright's); else Playwright's own. */
function chromiumExecutable(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return configured;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx scripts/start.ts start",
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      EXCHANGE_DESK_DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      LOGIN_IP_FAILURE_LIMIT: "200",
    },
  },
});
