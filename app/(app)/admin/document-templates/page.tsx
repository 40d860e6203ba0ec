import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { saveTemplateItemAction } from "@/features/documents/actions";
import { TemplateItemForm } from "@/features/documents/components/template-item-form";
import { findTemplateItems } from "@/features/documents/queries";
import { documentDirections } from "@/features/documents/schemas";

export async function generateMetadata() {
  const t = await getTranslations("documents.templates");
  return { title: t("title") };
}

const card = "rounded border border-slate-300 bg-white p-5";

export default async function DocumentTemplatesPage() {
  const user = await requireSessionUser();
  if (!hasPermission(user, "documentTemplate:manage")) forbidden();
  const [items, t, directions, locale] = await Promise.all([findTemplateItems(user), getTranslations("documents.templates"), getTranslations("documents.directions"), getLocale()]);
  const labelOf = (item: (typeof items)[number]) => ((locale as AppLocale) === "en" ? item.labelEn : locale === "zh-Hant" ? item.labelZhHant : item.labelZhHans);
  const yesNo = (value: boolean) => (value ? t("yes") : t("no"));
  const headers = [t("labelEn"), t("labelZhHant"), t("labelZhHans"), t("needsNumber"), t("needsExpiry"), t("required"), t("active")];
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <ClientMessages namespaces={["documents.templates", "documents.directions"]}>
        {documentDirections.map((direction) => {
          const ofDirection = items.filter((item) => item.direction === direction);
          return (
            <PageSection key={direction} id={`direction-${direction}`} title={directions(direction)} className={`${card} mb-6`}>
              <DataTable caption={t("caption", { direction: directions(direction) })} cardLabels={headers} headers={headers.map((header) => <th key={header} scope="col">{header}</th>)} testId={`template-items-${direction}`}>
                {ofDirection.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="font-medium">{item.labelEn}</th>
                    <td lang="zh-Hant">{item.labelZhHant}</td>
                    <td lang="zh-Hans">{item.labelZhHans}</td>
                    <td>{yesNo(item.needsNumber)}</td>
                    <td>{yesNo(item.needsExpiry)}</td>
                    <td>{yesNo(item.required)}</td>
                    <td>{item.active ? t("yes") : t("inactive")}</td>
                  </tr>
                ))}
              </DataTable>
              <div className="mt-4 flex flex-col gap-2">
                {ofDirection.map((item) => (
                  <details key={item.id} className="rounded border border-slate-200 p-3">
                    <summary className="cursor-pointer font-medium">
                      {t("edit")}: {labelOf(item)}
                    </summary>
                    <div className="mt-3">
                      <TemplateItemForm action={saveTemplateItemAction} values={{ ...item }} />
                    </div>
                  </details>
                ))}
              </div>
            </PageSection>
          );
        })}
        <PageSection id="add-item" title={t("addTitle")} className={card}>
          <TemplateItemForm
            action={saveTemplateItemAction}
            values={{ direction: "HK_TO_MAINLAND", labelEn: "", labelZhHant: "", labelZhHans: "", needsNumber: false, needsExpiry: false, required: true, active: true, sortOrder: 100 }}
          />
        </PageSection>
      </ClientMessages>
    </>
  );
}
