import type { Locale as DatabaseLocale } from "@/generated/prisma/enums";

export const locales = ["en", "zh-Hant", "zh-Hans"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "en";
export const localeCookie = "exchange-desk-locale";
export const displayTimeZone = "Asia/Hong_Kong";

export const localeNames: Record<AppLocale, string> = { en: "English", "zh-Hant": "繁體中文", "zh-Hans": "简体中文" };
/** BCP 47 tags for <html lang> and Intl: Traditional as written in Hong Kong, Simplified as on the mainland. */
export const languageTags: Record<AppLocale, string> = { en: "en-HK", "zh-Hant": "zh-Hant-HK", "zh-Hans": "zh-Hans-CN" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function toDatabaseLocale(locale: AppLocale): DatabaseLocale {
  return locale.replace("-", "_") as DatabaseLocale;
}

export function fromDatabaseLocale(locale: DatabaseLocale): AppLocale {
  const candidate = locale.replace("_", "-");
  return isAppLocale(candidate) ? candidate : defaultLocale;
}

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  const tags = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag, quality] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), quality: quality ? Number(quality) : 1 };
    })
    .filter((entry) => entry.tag)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of tags) {
    if (tag.startsWith("en")) return "en";
    if (/^zh-(hant|tw|hk|mo)/.test(tag)) return "zh-Hant";
    if (/^zh(-|$)/.test(tag)) return "zh-Hans";
  }
  return defaultLocale;
}

export type NameColumn = "nameEn" | "nameZhHant" | "nameZhHans";

/** The column of a trilingual record (reference data, cohorts) that holds its name in `locale`. */
export const nameColumns: Record<AppLocale, NameColumn> = { en: "nameEn", "zh-Hant": "nameZhHant", "zh-Hans": "nameZhHans" };

/** Localised name of a trilingual reference record (jurisdiction, department, host unit, rank, field, cohort). */
/** A name kept in all three scripts, as reference data and cohorts keep theirs. */
export type TrilingualName = Record<NameColumn, string>;

/** The Prisma select of a record's three names: what localizedName() reads. */
export const trilingualNameSelect = { nameEn: true, nameZhHant: true, nameZhHans: true } as const satisfies Record<NameColumn, true>;

export function localizedName(record: TrilingualName, locale: AppLocale): string {
  if (locale === "zh-Hant") return record.nameZhHant;
  if (locale === "zh-Hans") return record.nameZhHans;
  return record.nameEn;
}
