import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { RecordHistory } from "@/features/audit/components/record-history";
import { capacityEntityType } from "@/features/host-units/mutations";
import { setReferenceActiveAction } from "@/features/reference-data/actions";
import { ConfirmAction } from "@/components/confirm-action";
import { ReferenceForm, type ReferenceFormValues } from "@/features/reference-data/components/reference-form";
import { isReferenceKind, referenceEntityTypes, type ReferenceKind } from "@/features/reference-data/entities";
import { findReferenceFormOptions, findReferenceRecord, type ReferenceRecord } from "@/features/reference-data/queries";
import { ClientMessages } from "@/components/client-messages";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const [{ kind }, t] = await Promise.all([params, getTranslations("referenceData")]);
  return { title: isReferenceKind(kind) ? t(`kinds.${kind}.edit`) : t("title") };
}

/** The stored record as the form's starting values (numbers as text, optional values as empty text). */
function formValues(kind: ReferenceKind, record: ReferenceRecord): ReferenceFormValues {
  const value = (key: string) => {
    const raw = (record as Record<string, unknown>)[key];
    return raw === null || raw === undefined ? undefined : String(raw);
  };
  return {
    id: record.id,
    version: record.versionToken,
    jurisdictionId: record.jurisdictionId ?? undefined,
    code: record.code,
    nameEn: record.nameEn,
    nameZhHant: record.nameZhHant,
    nameZhHans: record.nameZhHans,
    jurisdictionKind: kind === "jurisdictions" ? value("kind") : undefined,
    departmentKind: kind === "departments" ? value("kind") : undefined,
    timeZone: value("timeZone"),
    district: value("district"),
    defaultCapacity: value("defaultCapacity"),
    fieldIds: "fieldIds" in record ? record.fieldIds : undefined,
    grade: value("grade"),
    level: value("level"),
    isDirectorate: "isDirectorate" in record ? record.isDirectorate : undefined,
    sortOrder: value("sortOrder"),
  };
}

export default async function EditReferencePage({ params }: { params: Promise<{ kind: string; id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "referenceData:manage")) forbidden();
  const { kind, id } = await params;
  if (!isReferenceKind(kind)) notFound();
  const record = await findReferenceRecord(user, kind, id);
  if (!record) notFound();
  const [t, locale, options] = await Promise.all([getTranslations("referenceData"), getLocale() as Promise<AppLocale>, findReferenceFormOptions(user)]);
  const entityType = referenceEntityTypes[kind];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/reference/${kind}`} className="text-brand-700 underline">
          {t(`kinds.${kind}.title`)}
        </Link>
      </p>
      <PageHeader
        title={localizedName(record, locale)}
        description={`${t(`kinds.${kind}.edit`)} · ${record.active ? t("active") : t("inactive")}`}
        actions={
          <ConfirmAction
            triggerLabel={record.active ? t("deactivate") : t("reactivate")}
            title={record.active ? t("deactivateTitle") : t("reactivateTitle")}
            body={record.active ? t("deactivateBody", { name: localizedName(record, locale) }) : t("reactivateBody", { name: localizedName(record, locale) })}
            confirmLabel={record.active ? t("deactivate") : t("reactivate")}
            cancelLabel={t("form.cancel")}
            fields={{ referenceKind: kind, id: record.id, version: record.versionToken, active: String(!record.active) }}
            action={setReferenceActiveAction}
            variant={record.active ? "danger" : "secondary"}
          />
        }
      />
      <div className="flex flex-col gap-8">
        <ClientMessages namespaces={["referenceData"]}>
          <ReferenceForm
            key={record.versionToken}
            kind={kind}
            values={formValues(kind, record)}
            jurisdictions={options.jurisdictions.map((item) => ({ value: item.id, label: localizedName(item, locale) }))}
            fields={options.fields
              .filter((item) => item.active || ("fieldIds" in record && record.fieldIds.includes(item.id)))
              .map((item) => ({ value: item.id, label: localizedName(item, locale) }))}
          />
        </ClientMessages>
        <PageSection id="history" title={t("recordHistory")}>
          <RecordHistory
            sources={[{ entityType, entityId: record.id }, ...(kind === "host-units" ? [{ entityType: capacityEntityType, entityIdPrefix: `${record.id}:` }] : [])]}
            locale={locale}
          />
        </PageSection>
      </div>
    </>
  );
}
