import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission, isAllowed, placementResource } from "@/lib/authorization";
import { env } from "@/lib/env";
import { parseDateOnly, formatDateOnly, todayInHongKong } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { db } from "@/lib/db";
import { ClientMessages } from "@/components/client-messages";
import { ConfirmAction } from "@/components/confirm-action";
import { DataTable } from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { PageSection } from "@/components/page-section";
import { buttonClass } from "@/components/ui/button";
import { findDocumentChecklist, findDocumentPlacement, type DocumentChecklist } from "@/features/documents/queries";
import { formatSize } from "@/features/documents/routes";
import { DocumentItemForm } from "@/features/documents/components/document-item-form";
import { issueCertificateAction } from "@/features/certificates/actions";
import { certificateRefusal } from "@/features/certificates/eligibility";
import { findPlacementCertificate } from "@/features/certificates/queries";
import { finalReportAccepted } from "@/features/certificates/wiring";

export async function generateMetadata() {
  const t = await getTranslations("documents");
  return { title: t("title") };
}

const card = "rounded border border-slate-300 bg-white p-5";

export default async function PlacementDocumentsPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "document:view")) forbidden();
  const { id } = await params;
  const checklist = await findDocumentChecklist(user, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const placement = (await findDocumentPlacement(user, id))!;
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("documents");
  const label = (item: DocumentChecklist["items"][number]) => localizedName({ nameEn: item.label.labelEn, nameZhHant: item.label.labelZhHant, nameZhHans: item.label.labelZhHans }, locale);
  const date = (text: string) => formatCalendarDate(parseDateOnly(text), locale);
  const warnings = checklist.items.filter((item) => item.expiresBeforeEnd);
  const given = checklist.items.filter((item) => item.status === "SUBMITTED").length;
  const officerTitle = checklist.officerChineseName ? `${checklist.officerName} ${checklist.officerChineseName}` : checklist.officerName;
  const maxSize = formatSize(env().UPLOAD_MAX_BYTES);

  const certificate = await findPlacementCertificate(user, placement);
  const canIssue = isAllowed(user, "certificate:issue", placementResource(placement));
  const refusal = !certificate && canIssue
    ? await certificateRefusal(db, { ...placement, endDate: formatDateOnly(placement.endDate) }, { today: todayInHongKong(), finalReportAccepted, alreadyIssued: false })
    : null;
  const showCertificate = Boolean(certificate) || canIssue;

  const headers = checklist.canSeeDetails
    ? [t("checklist.item"), t("checklist.status"), t("checklist.number"), t("checklist.expiresOn"), t("checklist.file")]
    : [t("checklist.item"), t("checklist.status"), t("checklist.expiresOn")];

  return (
    <>
      <nav aria-label={t("title")} className="mb-2 text-sm">
        <Link href={`/placements/${id}`} className="text-brand-700 underline">
          {officerTitle}
        </Link>
      </nav>
      <PageHeader title={`${t("title")} — ${officerTitle}`} description={`${t(`directions.${checklist.direction}`)} · ${localizedName(checklist.cohortName, locale)} · ${date(checklist.startDate)} – ${date(checklist.endDate)}`} />

      {warnings.length > 0 && (
        <div role="status" className="mb-6 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-amber-950" data-testid="document-warnings">
          <p className="font-semibold">{t("checklist.warningsTitle", { count: warnings.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((item) => (
              <li key={item.templateItemId}>
                {label(item)}:{" "}
                {item.details?.expiresOn ? t("checklist.expiresBeforeEnd", { date: date(item.details.expiresOn), end: date(checklist.endDate) }) : t("checklist.expiresBeforeEndShort")}
              </li>
            ))}
          </ul>
        </div>
      )}

      <PageSection id="checklist" title={t("checklist.caption")} intro={<p className="text-slate-700">{t("checklist.summary", { given, total: checklist.items.length })}</p>} className={card}>
        {!checklist.canSeeDetails && <p className="mb-3 text-sm text-slate-700">{t("checklist.detailsHidden")}</p>}
        {checklist.items.length === 0 ? (
          <EmptyState message={t("checklist.empty")} />
        ) : (
          <DataTable caption={t("checklist.caption")} cardLabels={headers} headers={headers.map((header) => <th key={header} scope="col">{header}</th>)} testId="document-checklist">
            {checklist.items.map((item) => (
              <tr key={item.templateItemId} data-status={item.status}>
                <th scope="row" className="font-medium">
                  {label(item)} <span className="text-sm font-normal text-slate-600">({item.required ? t("checklist.required") : t("checklist.optional")})</span>
                </th>
                <td>{t(`status.${item.status}`)}</td>
                {checklist.canSeeDetails ? (
                  <>
                    <td>{item.needsNumber ? (item.details?.number ?? t("checklist.none")) : t("checklist.none")}</td>
                    <td>
                      {item.details?.expiresOn ? date(item.details.expiresOn) : t("checklist.none")}
                      {item.expiresBeforeEnd && <span className="block text-sm font-semibold text-amber-800">{t("checklist.expiresBeforeEndShort")}</span>}
                    </td>
                    <td>
                      {item.details?.file ? (
                        <a href={`/api/placements/${id}/documents/files/${item.details.file.id}`} className="text-brand-700 underline" download>
                          {t("checklist.download", { name: item.details.file.name })}
                        </a>
                      ) : (
                        t("checklist.noFile")
                      )}
                    </td>
                  </>
                ) : (
                  <td>{item.expiresBeforeEnd ? <span className="font-semibold text-amber-800">{t("checklist.expiresBeforeEndShort")}</span> : t("checklist.none")}</td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </PageSection>

      {checklist.canUpload && checklist.items.length > 0 && (
        <ClientMessages namespaces={["documents.form"]}>
          <div className="mt-6 grid gap-4 md:grid-cols-2">
            {checklist.items.map((item) => (
              <PageSection key={item.templateItemId} id={`item-${item.templateItemId}`} title={t("form.legend", { item: label(item) })} className={`${card} min-w-0`}>
                <DocumentItemForm
                  placementId={id}
                  templateItemId={item.templateItemId}
                  label={label(item)}
                  needsNumber={item.needsNumber}
                  needsExpiry={item.needsExpiry}
                  number={item.details?.number ?? null}
                  expiresOn={item.details?.expiresOn ?? null}
                  version={item.details?.version ?? null}
                  fileName={item.details?.file?.name ?? null}
                  maxSize={maxSize}
                />
              </PageSection>
            ))}
          </div>
        </ClientMessages>
      )}

      {showCertificate && (
        <PageSection id="certificate" title={t("certificate.title")} className={`${card} mt-6`}>
          {certificate ? (
            <div className="flex flex-col gap-3">
              <p>{t("certificate.issued", { date: formatCalendarDate(certificate.issuedAt, locale) })}</p>
              <p className="text-sm text-slate-700">{t("certificate.codeHint")}</p>
              <div>
                <a href={`/api/placements/${id}/certificate`} className={buttonClass({ variant: "secondary" })} download>
                  {t("certificate.download")}
                </a>
              </div>
            </div>
          ) : refusal ? (
            <div className="flex flex-col gap-1">
              <p>{t("certificate.notYet")}</p>
              <p className="text-sm text-slate-700">{refusal === "notEnded" ? t("certificate.notEnded", { end: date(checklist.endDate) }) : refusal === "reportNotAccepted" ? t("certificate.reportNotAccepted") : t("certificate.notYet")}</p>
            </div>
          ) : (
            <ConfirmAction
              triggerLabel={t("certificate.issue")}
              title={t("certificate.title")}
              body={t("certificate.issueConfirm", { name: checklist.officerName })}
              confirmLabel={t("certificate.issue")}
              cancelLabel={t("certificate.cancel")}
              fields={{ placementId: id }}
              action={issueCertificateAction}
              variant="secondary"
            />
          )}
        </PageSection>
      )}
    </>
  );
}
