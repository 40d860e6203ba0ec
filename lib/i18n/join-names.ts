import type { AppLocale } from "./locales";

/** "Transport, Urban planning" / "交通運輸、城市規劃"; a dash when there is nothing to list. */
export function joinNames(names: string[], locale: AppLocale): string {
  return names.length === 0 ? "—" : names.join(locale === "en" ? ", " : "、");
}
