import { getLocale, getTranslations } from "next-intl/server";
import { languageTags, localeNames, locales } from "@/lib/i18n/locales";
import { setLocaleAction } from "./actions";

export async function LanguageSwitcher() {
  const current = await getLocale();
  const t = await getTranslations("common");
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t("language")}>
      <span className="sr-only">{t("language")}</span>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={languageTags[locale]}
          aria-current={locale === current ? "true" : undefined}
          className={`rounded px-2 py-1 text-sm ${locale === current ? "bg-white font-semibold text-brand-800" : "text-white underline hover:bg-brand-800"}`}
        >
          {localeNames[locale]}
        </button>
      ))}
    </form>
  );
}
