import { execFileSync } from "node:child_process";
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

// The test OpenID provider (tests/support/oidc-provider-server.ts) runs beside the app on a port free at this moment,
// chosen once here (synchronously: the config is not async) and carried to the workers through the environment.
const oidcPort = (process.env.E2E_OIDC_PORT ??= execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"], { encoding: "utf8" }));
const oidc = { issuer: `http://127.0.0.1:${oidcPort}`, clientId: "exchange-desk-e2e", clientSecret: "exchange-desk-e2e-client-secret", name: "Test IdP" };

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
  webServer: [
    {
      command: "node --import tsx tests/support/oidc-provider-server.ts",
      url: `${oidc.issuer}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      env: { OIDC_TEST_PORT: oidcPort, OIDC_TEST_REDIRECT_URI: `${baseURL}/api/sso/callback`, OIDC_TEST_CLIENT_ID: oidc.clientId, OIDC_TEST_CLIENT_SECRET: oidc.clientSecret },
    },
    {
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
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_NAME: oidc.name,
      },
    },
  ],
});
