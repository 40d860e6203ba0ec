import { getLocale } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locales";
import { defineRoute, errorResponse } from "@/lib/route";
import { buildCsvTemplate, buildXlsxTemplate, type TemplateTexts } from "@/features/import/template";

export const dynamic = "force-dynamic";

/** The officer import template (?format=csv or xlsx) with the codes of the coordinator's own side. */
export const GET = defineRoute({
  name: "officers.import.template",
  permission: "officer:import",
  async handle(request, { user, t }) {
    if (user.role !== "COORDINATOR" || !user.jurisdictionId) return errorResponse(403, { error: t("errors.forbidden") });
    const format = request.nextUrl.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
    const locale = (await getLocale()) as AppLocale;
    const texts: TemplateTexts = {
      officersSheet: t("import.template.officersSheet"),
      codesSheet: t("import.template.codesSheet"),
      instructionsSheet: t("import.template.instructionsSheet"),
      instructions: [t("import.template.line1"), t("import.template.line2"), t("import.template.line3"), t("import.template.line4"), t("import.template.line5")],
      codeKinds: { rank: t("import.template.kindRank"), department: t("import.template.kindDepartment"), field: t("import.template.kindField") },
      codeHeaders: { kind: t("import.template.kindHeader"), code: t("import.template.codeHeader"), name: t("import.template.nameHeader") },
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
  },
});
