import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "./fixtures";
import { decode } from "next-auth/jwt";
import { createUser } from "../factories";
import { openE2eDatabase } from "./database";
import { signInAndWait, signOut } from "./helpers";

const db = openE2eDatabase();
test.afterAll(async () => db.$disconnect());

const sessionCookie = "next-auth.session-token";
const eightHours = 8 * 60 * 60;

/** The secret the e2e server signs with (start.ts keeps it in the data dir of the embedded setup). */
function authSecret(): string {
  return readFileSync(path.join(process.env.EXCHANGE_DESK_E2E_DATA_DIR!, "auth-secret"), "utf8").trim();
}

async function postCredentials(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers, maxRedirects: 0 });
}

test("a forged X-Forwarded-For is ignored: throttling and the audit log see the socket address", async ({ request }) => {
  const email = `forged-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
  await postCredentials(request, email, "wrong-password-1", { "X-Forwarded-For": "203.0.113.77" });
  await postCredentials(request, email, "wrong-password-2", { "X-Forwarded-For": "203.0.113.78, 198.51.100.9" });
  const audits = await db.auditLog.findMany({ where: { action: "auth.signIn.fail", after: { path: ["email"], equals: email } }, select: { ipAddress: true } });
  expect(audits).toHaveLength(2);
  for (const { ipAddress } of audits) expect(["127.0.0.1", "::1"]).toContain(ipAddress);
  const attempts = await db.loginAttempt.findMany({ where: { email }, select: { ipAddress: true } });
  expect(attempts.map((attempt) => attempt.ipAddress)).toEqual([audits[0].ipAddress, audits[0].ipAddress]);
});

test("a session lasts 8 hours: the token's exp and the cookie's expiry", async ({ page }) => {
  const user = await createUser(db, { role: "ADMIN" });
  await signInAndWait(page, user.email, user.password);
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === sessionCookie)!;
  expect(cookie.httpOnly).toBe(true);
  const claims = (await decode({ token: cookie.value, secret: authSecret() })) as { exp: number; iat: number; sessionId: string };
  expect(claims.exp - claims.iat).toBe(eightHours);
  // The cookie's expiry is set from the same 8 hours, at the same moment as the token's issue.
  expect(Math.abs(cookie.expires - (claims.iat + eightHours))).toBeLessThanOrEqual(5);

  // The session endpoint re-issues the token with a new exp; the session itself still ends 8 h after sign-in.
  const row = await db.session.findUniqueOrThrow({ where: { id: claims.sessionId } });
  expect(row.userId).toBe(user.id);
  expect((row.expiresAt.getTime() - row.createdAt.getTime()) / 1000).toBeCloseTo(eightHours, -1);
});

test("signing out ends the session on the server: a copy of the cookie stops working at once", async ({ page, browser }) => {
  const user = await createUser(db, { role: "ADMIN" });
  await signInAndWait(page, user.email, user.password);
  const copied = (await page.context().cookies()).filter((cookie) => cookie.name === sessionCookie);
  expect(copied).toHaveLength(1);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/");
  await expect(thiefPage).not.toHaveURL(/\/login/); // the copy works while the session lasts

  await signOut(page);
  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/login/);
  // The sign-out is in the audit log, with the address it came from.
  const signOutEntry = await db.auditLog.findFirstOrThrow({ where: { action: "auth.signOut", entityId: user.id } });
  expect(signOutEntry).toMatchObject({ actorId: user.id, actorEmail: user.email });
  expect(signOutEntry.ipAddress).toBeTruthy();

  // next-auth's session endpoint answers no session and re-issues no token for the revoked one: it clears it.
  const response = await thief.request.get("/api/auth/session");
  expect(await response.json()).toEqual({});
  const setCookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie" && header.value.startsWith(`${sessionCookie}=`));
  expect(setCookies.every((header) => /^next-auth\.session-token=;/.test(header.value))).toBe(true);
  await thief.close();
});

test("the session endpoint re-issues no token once the account is deactivated", async ({ page }) => {
  const user = await createUser(db, { role: "ADMIN" });
  await signInAndWait(page, user.email, user.password);
  const live = await page.request.get("/api/auth/session");
  expect(await live.json()).toMatchObject({ user: { id: user.id } });

  await db.user.update({ where: { id: user.id }, data: { active: false } });
  const ended = await page.request.get("/api/auth/session");
  expect(await ended.json()).toEqual({});
  const reissued = ended.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie" && /^next-auth\.session-token=[^;]/.test(header.value));
  expect(reissued).toEqual([]);
});
