import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { displayTimeZone, isAppLocale, localeCookie, negotiateLocale, type AppLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/** The signed-in user's saved language wins; otherwise the language cookie, then the browser's preference. */
export async function resolveLocale(): Promise<AppLocale> {
  const user = await getSessionUser().catch(() => null);
  if (user) return user.locale;
  const cookieLocale = (await cookies()).get(localeCookie)?.value;
  if (isAppLocale(cookieLocale)) return cookieLocale;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return { locale, messages: loadMessages(locale), timeZone: displayTimeZone };
});
