import "server-only";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locales";
import { z } from "zod";
import { getSessionAllowingEnrolment, getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hasPermission, type Permission } from "@/lib/authorization";
import { isDatabaseUnavailable, translateDatabaseError } from "@/lib/database-errors";
import { AppError, ForbiddenError, type ChangedField, type ShownValue } from "@/lib/errors";
import { formatCalendarDate, formatDateTime, formatMessageValues } from "@/lib/i18n/format";
import { localizedName } from "@/lib/i18n/locales";
import { parseDateOnly } from "@/lib/dates";
import { logger } from "@/lib/logger";
import { getRequestContext, type RequestContext } from "@/lib/request-context";
import { findControlCharacters } from "@/lib/text";
import { issueMessageKey } from "@/lib/validation-messages";
import { setFlashNotice } from "@/lib/notice/set-flash";

export type ActionResult<Output = undefined> =
  | { ok: true; data: Output; /** What the action did, in the user's language (components/notice.tsx shows it). */ notice?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string>; requestId?: string };

export interface ActionContext {
  user: SessionUser;
  request: RequestContext;
}

/** The permission of an action used signed out (a forgotten password): see definePublicAction. */
export const signedOutAccess = "public:signedOut" as const;

export interface ActionDefinition<Schema extends z.ZodType, Output> {
  name: string;
  schema: Schema;
  /** Role-level gate; the body still checks the record with `isAllowed` once it has loaded it. */
  permission: Permission | typeof signedOutAccess;
  run: (input: z.output<Schema>, context: ActionContext) => Promise<Output>;
  /**
   * The one way an action says what happened (decision 056): the message naming the record and its new state,
   * built from the result with the whole catalog (`t("notices.…")`, `t("status.placement.…")`).
   */
  notice?: (output: Output, catalog: NoticeCatalog) => string;
  /** Where to go after success; the notice then travels in the flash cookie. */
  redirectTo?: (output: Output) => string;
  /** Only the second-factor enrolment actions: usable by a session that must enrol before anything else (decision 102). */
  allowDuringSecondFactorEnrolment?: true;
}

/** FormData → plain object; a key given several times (checkbox groups, multi-selects) becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    result[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return result;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The whole catalog in the user's language, for a notice: `t("notices.…")`, and the locale for record names. */
export interface NoticeCatalog {
  t: Translate;
  locale: AppLocale;
}

function messageForIssue(issue: z.core.$ZodIssue, t: Translate): string {
  const { key, values } = issueMessageKey(issue);
  return t(key, values);
}

/** What an action needs from the request; defineAction takes it from Next, tests pass it in. */
export interface ActionEnvironment {
  request: RequestContext;
  /** Translator for the "errors" namespace. */
  t: Translate;
  /** Translator over the whole catalog, for the success notice; without it the result carries none. */
  catalog?: NoticeCatalog;
  /** The signed-in user (read from the database), or null. */
  loadUser: () => Promise<SessionUser | null>;
}

/**
 * The one way to write a server action: parse → authenticate → authorize → run → one result shape. Only
 * AppErrors (and known integrity violations) reach the user, translated; a database that cannot be reached gives
 * "service unavailable"; anything else is logged with the request id and the user sees a generic message that
 * carries that id.
 */
export function defineAction<Schema extends z.ZodType, Output>(definition: ActionDefinition<Schema, Output>) {
  return async function action(_previous: unknown, payload: FormData | z.input<Schema>): Promise<ActionResult<Output>> {
    const request = await getRequestContext();
    const t = (await getTranslations("errors")) as unknown as Translate;
    const catalog: NoticeCatalog = { t: (await getTranslations()) as unknown as Translate, locale: (await getLocale()) as AppLocale };
    const result = await runAction(definition, payload, { request, t, catalog, loadUser: definition.allowDuringSecondFactorEnrolment ? getSessionAllowingEnrolment : getSessionUser });
    if (result.ok && definition.redirectTo) {
      if (result.notice) await setFlashNotice(result.notice);
      redirect(definition.redirectTo(result.data));
    }
    return result;
  };
}

export interface PublicActionDefinition<Schema extends z.ZodType, Output> extends Omit<ActionDefinition<Schema, Output>, "permission" | "run"> {
  run: (input: z.output<Schema>, context: { request: RequestContext }) => Promise<Output>;
}

/**
 * The same parse → run → one result shape for the few forms used signed out (asking for a password-reset link,
 * setting the new password): no session is required and the body is given no user, only the request.
 */
export function publicActionDefinition<Schema extends z.ZodType, Output>(definition: PublicActionDefinition<Schema, Output>): ActionDefinition<Schema, Output> {
  return { ...definition, permission: signedOutAccess, run: (input, { request }) => definition.run(input, { request }) };
}

export function definePublicAction<Schema extends z.ZodType, Output>(definition: PublicActionDefinition<Schema, Output>) {
  return defineAction(publicActionDefinition(definition));
}

export async function runAction<Schema extends z.ZodType, Output>(
  definition: ActionDefinition<Schema, Output>,
  payload: FormData | z.input<Schema>,
  { request, t, catalog, loadUser }: ActionEnvironment,
): Promise<ActionResult<Output>> {
  let user: SessionUser | null = null;
  try {
    // Inside the try: reading the session reads the database, which may be down.
    user = await loadUser();
    if (definition.permission !== signedOutAccess && (!user || !hasPermission(user, definition.permission))) throw new ForbiddenError();
    if (user?.secondFactorEnrolmentRequired && !definition.allowDuringSecondFactorEnrolment) throw new ForbiddenError();
    const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
    // Defence in depth: text schemas refuse control characters themselves (lib/text.ts); this also covers ids and
    // choices, so a NUL never reaches PostgreSQL, which would fail the write with an unhandled error.
    const controlFields = findControlCharacters(raw).map((path) => path.join(".") || "_form");
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success || controlFields.length > 0) {
      const fieldErrors: Record<string, string> = {};
      for (const key of controlFields) fieldErrors[key] = t("controlCharacters");
      for (const issue of parsed.error?.issues ?? []) {
        const key = issue.path.join(".") || "_form";
        fieldErrors[key] ??= messageForIssue(issue, t);
      }
      return { ok: false, formError: t("checkFields"), fieldErrors };
    }
    // A signed-out action's body never sees the user (definePublicAction's run takes only the request).
    const data = await definition.run(parsed.data, { user: user as SessionUser, request });
    const notice = catalog && definition.notice ? definition.notice(data, catalog) : undefined;
    return notice === undefined ? { ok: true, data } : { ok: true, data, notice };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    if (isDatabaseUnavailable(error)) {
      logger.error("server action: database unavailable", { action: definition.name, requestId: request.requestId, userId: user?.userId, error });
      return { ok: false, formError: t("serviceUnavailable"), requestId: request.requestId };
    }
    const known = error instanceof AppError ? error : translateDatabaseError(error);
    if (known) {
      const fieldErrors = Object.fromEntries(Object.entries(known.fieldErrors).map(([field, keys]) => [field, t(keys[0])]));
      return { ok: false, formError: appErrorMessage(known, t, catalog), fieldErrors };
    }
    logger.error("server action failed", { action: definition.name, requestId: request.requestId, userId: user?.userId, error });
    return { ok: false, formError: t("unexpected", { requestId: request.requestId }), requestId: request.requestId };
  }
}

/**
 * An AppError in the reader's words: Dates among its values as Hong Kong date and time in the one format of the
 * language (lib/i18n/format.ts), then — for a stale edit — each changed field with its label and value now.
 */
export function appErrorMessage(error: AppError, t: Translate, catalog?: NoticeCatalog): string {
  const locale = catalog?.locale ?? "en";
  const message = t(error.messageKey, formatMessageValues(error.values, locale));
  if (error.changes.length === 0) return message;
  const label = (change: ChangedField) => (catalog ? catalog.t(change.labelKey) : change.labelKey);
  const shown = (value: ShownValue): string => {
    if (value === null) return "—";
    if ("text" in value) return value.text || "—";
    if ("names" in value) return localizedName(value.names, locale);
    if ("date" in value) return formatCalendarDate(parseDateOnly(value.date), locale);
    if ("instant" in value) return formatDateTime(new Date(value.instant), locale);
    return catalog ? catalog.t(value.messageKey) : value.messageKey;
  };
  const changes = error.changes.map((change) => t("staleChange", { field: label(change), value: shown(change.value) }));
  return `${message} ${t("staleChanges", { changes: changes.join(t("staleChangeSeparator")) })}`;
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}
