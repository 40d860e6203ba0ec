"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { localeCookie, locales, toDatabaseLocale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { getRequestContext } from "@/lib/request-context";
import { getTranslations } from "next-intl/server";
import { setFlashNotice } from "@/lib/notice/set-flash";

/** What the language switcher posts; any other body (a replayed or hand-made request) changes nothing. */
const localeInput = z
  .instanceof(FormData)
  .transform((formData) => formData.get("locale"))
  .pipe(z.enum(locales));

/**
 * Open to everyone (the sign-in page has the switch too), so not a defineAction (which requires a session): it
 * changes only the caller's own preference — the cookie, and for a signed-in user their saved language, so it
 * follows them to the next sign-in. A malformed call is refused with an ordinary, empty answer (it is a plain form
 * action: nothing reads a result), never a 500; the refusal is logged with the request id.
 */
export async function setLocaleAction(payload: unknown): Promise<void> {
  const parsed = localeInput.safeParse(payload);
  if (!parsed.success) {
    logger.warn("setLocaleAction refused a malformed request", { requestId: (await getRequestContext()).requestId });
    return;
  }
  const locale = parsed.data;
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });
  const user = await getSessionUser();
  if (user) {
    await db.user.update({ where: { id: user.userId }, data: { locale: toDatabaseLocale(locale) } });
    // Said in the new language by the app shell's notice region when the layout re-renders (decision 056).
    await setFlashNotice((await getTranslations({ locale, namespace: "notices" }))("languageChanged"));
  }
  revalidatePath("/", "layout");
}
