import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { parseDateOnly } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/locales";
import { getRequestContext } from "@/lib/request-context";
import { DetailList } from "@/components/detail-list";
import { findCertificateByCode, recordVerifyLookup } from "@/features/certificates/queries";

export async function generateMetadata() {
  const t = await getTranslations("documents.verify");
  return { title: t("title") };
}

// Public: confirms a certificate by its code, showing only the name, the period and the host unit (decision 099).
export default async function VerifyCodePage({ params }: { params: Promise<{ code: string }> }) {
  const code = decodeURIComponent((await params).code);
  const t = await getTranslations("documents.verify");
  const { ipAddress } = await getRequestContext();
  if (!(await recordVerifyLookup(ipAddress))) {
    return (
      <>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-800">
          {t("tooMany")}
        </p>
      </>
    );
  }
  const certificate = await findCertificateByCode(code);
  if (!certificate) notFound();
  const locale = (await getLocale()) as AppLocale;
  const date = (text: string) => formatCalendarDate(parseDateOnly(text), locale);
  const chinese = locale !== "en";
  return (
    <>
      <h1 className="text-2xl font-bold">{t("found")}</h1>
      <div className="mt-6 rounded border border-green-700 bg-white p-5" data-testid="verified-certificate">
        <DetailList
          items={[
            [t("name"), certificate.officerNameZh ? `${certificate.officerName} ${certificate.officerNameZh}` : certificate.officerName],
            [t("period"), t("periodValue", { start: date(certificate.startDate), end: date(certificate.endDate) })],
            [t("hostUnit"), chinese ? certificate.hostUnitNameZh : certificate.hostUnitNameEn],
          ]}
        />
      </div>
    </>
  );
}
