import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { ReferenceForm } from "@/features/reference-data/components/reference-form";
import { isReferenceKind } from "@/features/reference-data/entities";
import { findReferenceFormOptions } from "@/features/reference-data/queries";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const [{ kind }, t] = await Promise.all([params, getTranslations("referenceData")]);
  return { title: isReferenceKind(kind) ? t(`kinds.${kind}.new`) : t("title") };
}

export default async function NewReferencePage({ params }: { params: Promise<{ kind: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "referenceData:manage")) forbidden();
  const { kind } = await params;
  if (!isReferenceKind(kind)) notFound();
  const [t, locale, options] = await Promise.all([getTranslations("referenceData"), getLocale() as Promise<AppLocale>, findReferenceFormOptions(user)]);
  const defaults = { jurisdictions: { timeZone: "Asia/Shanghai" }, "host-units": { defaultCapacity: "1" }, fields: { sortOrder: "0" }, ranks: { level: "1" }, departments: {} }[kind];
  return (
    <>
      <PageHeader title={t(`kinds.${kind}.new`)} />
      <ClientMessages namespaces={["referenceData"]}>
        <ReferenceForm
          kind={kind}
          values={defaults}
          jurisdictions={options.jurisdictions.filter((item) => item.active).map((item) => ({ value: item.id, label: localizedName(item, locale) }))}
          fields={options.fields.filter((item) => item.active).map((item) => ({ value: item.id, label: localizedName(item, locale) }))}
        />
      </ClientMessages>
    </>
  );
}
