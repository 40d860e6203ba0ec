import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionAllowingEnrolment } from "@/lib/auth/session";
import { displayTimeZone, isAppLocale, localeCookie, negotiateLocale, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/** The signed-in user's saved language wins; otherwise the language cookie, then the browser's preference. */
export async function resolveLocale(): Promise<AppLocale> {
  // Also while a required second factor is still to be enrolled: the enrolment page speaks the user's language.
  const user = await getSessionAllowingEnrolment().catch(() => null);
  if (user) return user.locale;
  const cookieLocale = (await cookies()).get(localeCookie)?.value;
  if (isAppLocale(cookieLocale)) return cookieLocale;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: displayTimeZone };
});
