"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isAppLocale, localeCookie, toDatabaseLocale } from "@/lib/i18n/locales";

/**
 * Open to everyone (the sign-in page has the switch too): it changes only the caller's own preference — the
 * cookie, and for a signed-in user their saved language, so it follows them to the next sign-in.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isAppLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: true });
  const user = await getSessionUser();
  if (user) await db.user.update({ where: { id: user.userId }, data: { locale: toDatabaseLocale(locale) } });
  revalidatePath("/", "layout");
}
