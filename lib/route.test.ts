import { createTranslator } from "next-intl";
import type { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { AppError, NotFoundError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "./route";

const messages = loadMessages("zh-Hant");
const t = createTranslator({ locale: "zh-Hant", messages }) as unknown as Translate;
const errors = messages.errors as Record<string, string>;
const officer: SessionUser = { userId: "u1", email: "o@example.test", name: "O", role: "OFFICER", jurisdictionId: "j1", officerId: "o1", hostUnitId: null, locale: "zh-Hant" };
const request = {} as NextRequest;

function call(definition: Partial<RouteDefinition<Record<string, never>>>, user: SessionUser | null = officer) {
  const route = { name: "test", permission: "schedule:view", handle: async () => new Response("ok"), ...definition } as RouteDefinition<Record<string, never>>;
  return runRoute(route, request, { request: { requestId: "req-42", ipAddress: "127.0.0.1" }, t, loadUser: async () => user, params: {} });
}

afterEach(() => vi.restoreAllMocks());

describe("runRoute", () => {
  it("answers 401 without a session and 403 without the permission, translated, before the handler runs", async () => {
    const handle = vi.fn(async () => new Response("ok"));
    const signedOut = await call({ handle }, null);
    expect([signedOut.status, await signedOut.json()]).toEqual([401, { error: errors.signInRequired }]);
    const forbidden = await call({ handle, permission: "report:export" });
    expect([forbidden.status, await forbidden.json()]).toEqual([403, { error: errors.forbidden }]);
    expect(handle).not.toHaveBeenCalled();
    expect((await call({ handle })).status).toBe(200);
  });

  it("runs a public handler without asking for the session", async () => {
    const loadUser = vi.fn(async () => officer);
    const route: RouteDefinition<{ id: string }> = { name: "public", permission: "public", handle: async (_request, { params, user }) => Response.json({ id: params.id, user }) };
    const response = await runRoute(route, request, { request: { requestId: "r", ipAddress: "x" }, t, loadUser, params: Promise.resolve({ id: "7" }) });
    expect(await response.json()).toEqual({ id: "7", user: null });
    expect(loadUser).not.toHaveBeenCalled();
  });

  it("maps a NotFoundError to 404, another AppError to 422 with its translated message, in the route's error shape", async () => {
    const notFound = await call({ handle: async () => Promise.reject(new NotFoundError()) });
    expect([notFound.status, await notFound.json()]).toEqual([404, { error: errors.notFound }]);
    const refused = await call({ handle: async () => Promise.reject(new AppError("cohortClosed")), errorBody: (message) => ({ type: "error", message }) });
    expect([refused.status, await refused.json()]).toEqual([422, { type: "error", message: errors.cohortClosed }]);
  });

  it("logs anything else with the request id and answers 500 with only that id", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await call({ handle: async () => Promise.reject(new Error("secret internal detail")) });
    expect(response.status).toBe(500);
    const body = JSON.stringify(await response.json());
    expect(body).toContain("req-42");
    expect(body).not.toContain("secret internal detail");
    expect(JSON.parse(String(logged.mock.calls[0][0]))).toMatchObject({ level: "error", requestId: "req-42", route: "test", error: { message: "secret internal detail" } });
  });
});
