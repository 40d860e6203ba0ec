import { getLocale, getTranslations } from "next-intl/server";
import { getSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { buildCsvTemplate, buildXlsxTemplate, type TemplateTexts } from "@/features/import/template";

export const dynamic = "force-dynamic";

/** The officer import template (?format=csv or xlsx) with the codes of the coordinator's own side. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  if (!hasPermission(user, "officer:import") || user.role !== "COORDINATOR" || !user.jurisdictionId) return new Response(null, { status: 403 });
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const [t, locale] = await Promise.all([getTranslations("import.template"), getLocale() as Promise<AppLocale>]);
  const texts: TemplateTexts = {
    officersSheet: t("officersSheet"),
    codesSheet: t("codesSheet"),
    instructionsSheet: t("instructionsSheet"),
    instructions: [t("line1"), t("line2"), t("line3"), t("line4"), t("line5")],
    codeKinds: { rank: t("kindRank"), department: t("kindDepartment"), field: t("kindField") },
    codeHeaders: { kind: t("kindHeader"), code: t("codeHeader"), name: t("nameHeader") },
  };
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (format === "xlsx") {
    const body = await buildXlsxTemplate(user, locale, texts);
    return new Response(body as BodyInit, {
      headers: {
        ...headers,
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": 'attachment; filename="officer-import-template.xlsx"',
      },
    });
  }
  return new Response(await buildCsvTemplate(user, locale, texts), {
    headers: { ...headers, "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="officer-import-template.csv"' },
  });
}
