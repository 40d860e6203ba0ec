import "server-only";
import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hasPermission, type Permission } from "@/lib/authorization";
import { isDatabaseUnavailable, translateDatabaseError } from "@/lib/database-errors";
import { AppError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRequestContext, type RequestContext } from "@/lib/request-context";
import { formatMessageValues } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";

/** Translator over the whole catalog ("errors.forbidden", "reports.export.busy", …). */
export type Translate = ((key: string, values?: Record<string, string | number>) => string) & { has(key: string): boolean };

export interface RouteContext<Params, User> {
  user: User;
  request: RequestContext;
  params: Params;
  t: Translate;
}

interface RouteDefinitionBase {
  /** Names the route in logs. */
  name: string;
  /** The JSON body of an error answer; `{ error: message }` unless the route's client expects another shape. */
  errorBody?: (message: string) => unknown;
}

interface SignedInRouteDefinition<Params> extends RouteDefinitionBase {
  /** Role-level gate; the handler still checks the record itself once it has loaded it. */
  permission: Permission;
  handle: (request: NextRequest, context: RouteContext<Params, SessionUser>) => Promise<Response>;
}

interface PublicRouteDefinition<Params> extends RouteDefinitionBase {
  /** No session needed: the handler authorizes by other means (a calendar token) or reveals nothing (health). */
  permission: "public";
  handle: (request: NextRequest, context: RouteContext<Params, null>) => Promise<Response>;
}

export type RouteDefinition<Params> = SignedInRouteDefinition<Params> | PublicRouteDefinition<Params>;

/** What a route needs from the request; defineRoute takes it from Next, tests pass it in. */
export interface RouteEnvironment<Params> {
  request: RequestContext;
  t: Translate;
  loadUser: () => Promise<SessionUser | null>;
  params: Params | Promise<Params>;
}

export interface RouteErrorAnswer {
  status: number;
  message: string;
  headers: Record<string, string>;
}

/**
 * How any error leaving a route handler is answered: an AppError (or a known integrity violation) as a 4xx with its
 * translated message, a database that cannot be reached as 503, anything else as a logged 500 carrying the request
 * id. Also used by streaming handlers for errors that happen after the response has started.
 */
export function describeRouteError(error: unknown, t: Translate, log: { route: string; requestId: string; userId?: string }, locale: AppLocale = "en"): RouteErrorAnswer {
  if (isDatabaseUnavailable(error)) {
    logger.error("route handler: database unavailable", { ...log, error });
    return { status: 503, message: t("errors.serviceUnavailable"), headers: { "Retry-After": "30" } };
  }
  const known = error instanceof AppError ? error : translateDatabaseError(error);
  if (known) {
    // Any other refusal: the request was understood, and a rule of the application or the database refused it.
    const status = known instanceof NotFoundError ? 404 : known instanceof ForbiddenError ? 403 : 422;
    return { status, message: t(`errors.${known.messageKey}`, formatMessageValues(known.values, locale)), headers: {} };
  }
  logger.error("route handler failed", { ...log, error });
  return { status: 500, message: t("errors.unexpected", { requestId: log.requestId }), headers: {} };
}

export function errorResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/**
 * The one way to write a route handler under app/api: session → permission → handler, with every error mapped by
 * describeRouteError. Route files stay thin: they name the permission and call into their feature.
 */
export function defineRoute<Params = Record<string, never>>(definition: RouteDefinition<Params>) {
  return async function handler(request: NextRequest, segment: { params: Promise<Params> }): Promise<Response> {
    const [requestContext, t] = await Promise.all([getRequestContext(), getTranslations()]);
    return runRoute(definition, request, { request: requestContext, t: t as unknown as Translate, loadUser: getSessionUser, params: segment?.params });
  };
}

export async function runRoute<Params>(definition: RouteDefinition<Params>, request: NextRequest, environment: RouteEnvironment<Params>): Promise<Response> {
  const { t } = environment;
  const body = definition.errorBody ?? ((message: string) => ({ error: message }));
  let user: SessionUser | null = null;
  try {
    const params = await environment.params;
    if (definition.permission === "public") {
      return await definition.handle(request, { user: null, request: environment.request, params, t });
    }
    user = await environment.loadUser();
    // A session that must still enrol a required second factor is signed in for nothing else (decision 102).
    if (!user || user.secondFactorEnrolmentRequired) return errorResponse(401, body(t("errors.signInRequired")));
    if (!hasPermission(user, definition.permission)) return errorResponse(403, body(t("errors.forbidden")));
    return await definition.handle(request, { user, request: environment.request, params, t });
  } catch (error) {
    const answer = describeRouteError(error, t, { route: definition.name, requestId: environment.request.requestId, userId: user?.userId });
    return errorResponse(answer.status, body(answer.message), answer.headers);
  }
}
