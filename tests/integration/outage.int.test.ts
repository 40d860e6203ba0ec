// The database goes away under a running app: server actions, route handlers, sign-in and the health check must
// say "service unavailable" (503 for HTTP), leak nothing internal, and recover once the database is back.
// This file runs its own embedded cluster, because it stops it.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import type { NextAuthOptions } from "next-auth";
import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { makeTraversableTempDir, startEmbeddedDatabase, type EmbeddedDatabase } from "@/scripts/db/embedded";
import { applyPendingMigrations } from "@/scripts/db/migrations";
import { runAction, type ActionDefinition, type Translate as ActionTranslate } from "@/lib/action";
import { authOptions } from "@/features/auth/options";
import { withSignInErrorStatus } from "@/lib/auth/outage";
import { loadSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { checkHealth } from "@/lib/health";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "@/lib/route";
import { respondWithCalendarFeed, respondWithOwnCalendar } from "@/features/schedule/feed";
import { regenerateCalendarToken } from "@/features/schedule/mutations";
import { createSession, createUser, type CreatedUser } from "@/tests/factories";

// next-auth's core (what its App Router handler calls once it has read Next's headers and cookies). Its package does
// not export the path, so it is loaded by file.
type AuthHandlerAnswer = { status?: number; redirect?: string; body?: unknown; cookies?: { name: string; value: string }[] };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: NextAuthOptions }) => Promise<AuthHandlerAnswer>;
};

const messages = loadMessages("en");
const t = createTranslator({ locale: "en", messages }) as unknown as Translate;
const errorsT = createTranslator({ locale: "en", messages, namespace: "errors" }) as unknown as ActionTranslate;
const serviceUnavailable = (messages.errors as Record<string, string>).serviceUnavailable;

let workDir: string;
let cluster: EmbeddedDatabase;
let port: number;
let user: CreatedUser;
let sessionId: string;
let token: string;

async function startCluster() {
  cluster = await startEmbeddedDatabase({ dataDir: path.join(workDir, "pg"), port, throwaway: true });
}

beforeAll(async () => {
  workDir = makeTraversableTempDir("outage");
  cluster = await startEmbeddedDatabase({ dataDir: path.join(workDir, "pg"), throwaway: true });
  port = cluster.port;
  await cluster.createDatabase("outage");
  await applyPendingMigrations(cluster.urlFor("outage"));
  // lib/db.ts creates its client on first use: from here on the app's pool points at this cluster.
  process.env.DATABASE_URL = cluster.urlFor("outage");
  user = await createUser(db, { role: "OFFICER" });
  sessionId = await createSession(db, user.id);
  ({ token } = await regenerateCalendarToken(await sessionUser(), { requestId: "setup", ipAddress: "127.0.0.1" }));
});

afterAll(async () => {
  await db.$disconnect();
  await cluster.stop();
  rmSync(workDir, { recursive: true, force: true });
});

async function sessionUser() {
  const loaded = await loadSessionUser(user.id, user.sessionVersion, sessionId);
  if (!loaded) throw new Error("test user did not load");
  return loaded;
}

const requestContext = (requestId = `req-${Math.random().toString(36).slice(2)}`) => ({ requestId, ipAddress: "127.0.0.1" });

const noInput = z.object({});
const countPlacements: ActionDefinition<typeof noInput, number> = {
  name: "test.countPlacements",
  schema: noInput,
  permission: "placement:view",
  run: (_input, { user: actor }) => db.placement.count({ where: { officerId: actor.officerId ?? undefined } }),
};

const callAction = () => runAction(countPlacements, {}, { request: requestContext(), t: errorsT, loadUser: () => loadSessionUser(user.id, user.sessionVersion, sessionId) });

const downloadRoute: RouteDefinition<Record<string, never>> = {
  name: "test.calendar.download",
  permission: "calendarFeed:manage",
  handle: (_request, { user: owner, request }) => respondWithOwnCalendar(owner, request, { includeHolidays: false }),
};
const feedRoute: RouteDefinition<{ token: string }> = {
  name: "test.calendar.feed",
  permission: "public",
  handle: (_request, { request, params }) => respondWithCalendarFeed(params.token, request, { includeHolidays: false }),
};
const fakeRequest = {} as NextRequest;
const callRoutes = () =>
  Promise.all([
    runRoute(downloadRoute, fakeRequest, { request: requestContext(), t, loadUser: () => loadSessionUser(user.id, user.sessionVersion, sessionId), params: {} }),
    runRoute(feedRoute, fakeRequest, { request: requestContext(), t, loadUser: async () => null, params: { token } }),
  ]);

/** next-auth's own sign-in flow (CSRF token, then the credentials callback), as the login page's signIn() runs it. */
async function signIn(requestId: string) {
  const base = { headers: { "x-request-id": requestId, host: "localhost" }, cookies: {} as Record<string, string> };
  const options = { ...authOptions, secret: "outage-test-secret" };
  const csrf = await AuthHandler({ req: { ...base, method: "GET", action: "csrf" }, options });
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const cookies = Object.fromEntries((csrf.cookies ?? []).map((cookie) => [cookie.name, cookie.value]));
  const answer = await AuthHandler({
    req: { ...base, cookies, method: "POST", action: "callback", providerId: "credentials", body: { email: user.email, password: user.password, csrfToken, json: "true" } },
    options,
  });
  // What next-auth's App Router handler sends to signIn(): the redirect as JSON with next-auth's status.
  const response = Response.json({ url: answer.redirect }, { status: answer.status ?? 200 });
  return { answer, response: await withSignInErrorStatus(response) };
}

describe("with the database down", () => {
  beforeAll(() => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
  });

  it("works while the database is up", async () => {
    expect(await callAction()).toEqual({ ok: true, data: 0 });
    const [download, feed] = await callRoutes();
    expect([download.status, feed.status]).toEqual([200, 200]);
    const { response } = await signIn("up-1");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).not.toContain("error=");
    expect(await checkHealth()).toMatchObject({ database: "up", status: "ok" });
  });

  it("answers a translated 'service unavailable' from actions, routes, sign-in and health, and recovers without a restart", async () => {
    await cluster.stop();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(await callAction()).toMatchObject({ ok: false, formError: serviceUnavailable });

      for (const response of await callRoutes()) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("30");
        expect(await response.json()).toEqual({ error: serviceUnavailable });
      }

      const { answer, response } = await signIn("sign-in-while-down");
      expect(response.status).toBe(503);
      const body = JSON.stringify(await response.json()) + JSON.stringify(answer);
      expect(body).toContain("error=ServiceUnavailable");
      expect(body).not.toContain(String(port));
      expect(body).not.toMatch(/127\.0\.0\.1|prisma|ECONNREFUSED/i);
      const signInLog = logged.mock.calls.map(([line]) => String(line)).find((line) => line.includes("sign-in-while-down"));
      expect(signInLog).toBeDefined();
      expect(JSON.parse(signInLog!)).toMatchObject({ level: "error", message: "sign-in: database unavailable", requestId: "sign-in-while-down" });

      expect(await checkHealth()).toMatchObject({ database: "down", status: "degraded" });
    } finally {
      logged.mockRestore();
      await startCluster();
    }
    // Same app, same pool: the next requests simply work again.
    expect(await callAction()).toEqual({ ok: true, data: 0 });
    expect((await callRoutes()).map((response) => response.status)).toEqual([200, 200]);
    expect((await signIn("up-2")).response.status).toBe(200);
    expect(await checkHealth()).toMatchObject({ database: "up" });
  });

  it("reports the database down as soon as a shutdown refuses new connections, although a pooled connection still works", async () => {
    expect(await db.$queryRaw`SELECT 1 AS "one"`).toEqual([{ one: 1 }]);
    // A "smart" shutdown (SIGTERM to the postmaster): new connections are refused, open sessions may finish.
    const postmasterPid = Number(readFileSync(path.join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmasterPid, "SIGTERM");
    await expect.poll(async () => (await checkHealth()).database, { timeout: 10_000 }).toBe("down");
    // The app's pooled connection is still served, which is why health must not ask through the pool.
    expect(await db.$queryRaw`SELECT 1 AS "one"`).toEqual([{ one: 1 }]);
    // Fast shutdown ends that session too (the smart one would wait for it), then the next test file's cluster.
    await cluster.stop();
    await startCluster();
  });
});
