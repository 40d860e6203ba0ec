import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { officerImportColumns } from "@/features/import/columns";
import { ImportWizard } from "@/features/import/components/import-wizard";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";

export async function generateMetadata() {
  const t = await getTranslations("import");
  return { title: t("title") };
}

export default async function OfficerImportPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "officer:import") || user.role !== "COORDINATOR" || !user.jurisdictionId) forbidden();
  const [t, locale] = await Promise.all([getTranslations("import"), getLocale() as Promise<AppLocale>]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="template-heading" className="rounded border border-slate-300 bg-white p-5">
          <h2 id="template-heading" className="text-lg font-semibold">
            {t("templateTitle")}
          </h2>
          <p className="mt-1 text-slate-700">{t("templateIntro")}</p>
          <ul className="mt-3 flex flex-wrap gap-4">
            <li>
              <a href="/api/officers/import/template?format=xlsx" className="text-brand-700 underline" download>
                {t("downloadXlsx")}
              </a>
            </li>
            <li>
              <a href="/api/officers/import/template?format=csv" className="text-brand-700 underline" download>
                {t("downloadCsv")}
              </a>
            </li>
          </ul>
          <details className="mt-4">
            <summary className="cursor-pointer font-medium text-brand-700">{t("columnsTitle")}</summary>
            <DataTable className="mt-3" caption={t("columnsTitle")} headers={<HeaderCells labels={[t("column"), t("requiredColumn"), t("meaning")]} />}>
                  {officerImportColumns.map((column) => (
                    <tr key={column.key} className="border-t border-slate-200">
                      <th scope="row" className="font-medium">{column.headers[locale]}</th>
                      <td>{column.required ? t("yes") : t("no")}</td>
                      <td>{t(`columnHelp.${column.key}`)}</td>
                    </tr>
                  ))}
            </DataTable>
          </details>
        </section>
        <ImportWizard />
      </div>
    </>
  );
}
