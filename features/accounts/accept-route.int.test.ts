import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "@/lib/route";
import { createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { handleAcceptInvitation } from "./accept-route";
import { inviteUser, revokeInvitation } from "./mutations";

// The public endpoint that sets a password from a link: bad input and bad links are 4xx with a translated message
// (here in Traditional Chinese), never a 500, and nothing is written.

afterAll(async () => db.$disconnect());

const messages = loadMessages("zh-Hant");
const t = createTranslator({ locale: "zh-Hant", messages }) as unknown as Translate;
const errors = messages.errors as Record<string, string>;
const route: RouteDefinition<Record<string, never>> = { name: "invitation.accept", permission: "public", handle: (request, { request: context, t: translate }) => handleAcceptInvitation(request, { request: context, t: translate }) };
const post = (body: string) =>
  runRoute(route, new Request("http://localhost/api/invitations/accept", { method: "POST", body, headers: { "content-type": "application/json" } }) as unknown as NextRequest, {
    request: { requestId: "r-accept", ipAddress: "192.0.2.5" },
    t,
    loadUser: async () => null,
    params: {},
  });

let world: TwoSidedWorld;
beforeAll(async () => {
  world = await createTwoSidedWorld(db);
});

async function invite() {
  const link = await inviteUser(actorFromUser(world.admin), { requestId: "r", ipAddress: "192.0.2.5" }, {
    email: `route.${Math.random().toString(36).slice(2, 10)}@example.test`,
    name: "Route Test",
    locale: "en",
    role: "COORDINATOR",
    jurisdictionId: world.hk.id,
    officerId: null,
    hostUnitId: null,
  });
  return { ...link, token: decodeURIComponent(new URL(link.url).pathname.split("/").pop()!) };
}

describe("POST /api/invitations/accept", () => {
  it("answers 400 with translated field errors for a body that is not JSON, a mismatch or a short password", async () => {
    const link = await invite();
    const notJson = await post("{");
    expect(notJson.status).toBe(400);
    const mismatch = await post(JSON.stringify({ token: link.token, password: "Harbour-Lantern-Seventy-3", confirmPassword: "other" }));
    expect([mismatch.status, (await mismatch.json()).fieldErrors]).toEqual([400, { confirmPassword: errors.passwordsDiffer }]);
    const short = await post(JSON.stringify({ token: link.token, password: "short", confirmPassword: "short" }));
    const body = await short.json();
    expect(short.status).toBe(400);
    expect(body.fieldErrors.password).toContain("12");
    expect((await db.user.findUniqueOrThrow({ where: { id: link.userId } })).passwordHash).toBeNull();
  });

  it("answers a revoked link with its message, and a good one with the email to sign in with", async () => {
    const revoked = await invite();
    await revokeInvitation(actorFromUser(world.admin), { requestId: "r", ipAddress: "x" }, { id: revoked.userId });
    const refused = await post(JSON.stringify({ token: revoked.token, password: "Harbour-Lantern-Seventy-3", confirmPassword: "Harbour-Lantern-Seventy-3" }));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await refused.json()).toEqual({ error: errors.invitationRevoked });

    const good = await invite();
    const accepted = await post(JSON.stringify({ token: good.token, password: "Harbour-Lantern-Seventy-3", confirmPassword: "Harbour-Lantern-Seventy-3" }));
    expect([accepted.status, await accepted.json()]).toEqual([200, { email: good.email }]);
  });
});
