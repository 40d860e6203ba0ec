import "server-only";
import PDFDocument from "pdfkit";
import { createTranslator } from "use-intl/core";
import { resolvePdfFonts } from "@/features/reports/export/font";
import { registerFont } from "@/features/reports/export/pdf";
import { formatCalendarDate } from "@/lib/i18n/format";
import { loadMessages } from "@/lib/i18n/messages";
import type { AppLocale } from "@/lib/i18n/locales";

// The certificate of completion: one A4 page, English first, then Chinese in the sending side's script, with the CJK
// font embedded (the reports' font resolution and registration: features/reports/export/font.ts, pdf.ts).

export interface CertificateContent {
  officerNameEn: string;
  officerNameZh: string | null;
  hostUnit: { en: string; zh: string };
  post: string | null;
  cohort: { en: string; zh: string };
  sendingSide: { en: string; zh: string };
  hostSide: { en: string; zh: string };
  startDate: Date;
  endDate: Date;
  code: string;
  verifyUrl: string;
  /** The Chinese script of the sending side: Traditional for Hong Kong, Simplified for the mainland. */
  chineseLocale: Extract<AppLocale, "zh-Hant" | "zh-Hans">;
}

const FONT = "certificate";

type Translate = (key: string, values?: Record<string, string | number>) => string;

function pdfTranslator(locale: AppLocale): Translate {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "documents.pdf" } as never) as unknown as Translate;
}

function paragraphs(locale: AppLocale, content: CertificateContent) {
  const t = pdfTranslator(locale);
  const zh = locale !== "en";
  const post = content.post ? t("post", { post: content.post }) : "";
  return {
    title: t("title"),
    body: t("body", {
      name: zh ? content.officerNameZh ?? content.officerNameEn : content.officerNameEn,
      hostUnit: zh ? content.hostUnit.zh : content.hostUnit.en,
      post,
      start: formatCalendarDate(content.startDate, locale),
      end: formatCalendarDate(content.endDate, locale),
      cohort: zh ? content.cohort.zh : content.cohort.en,
    }),
    sides: t("sides", { sending: zh ? content.sendingSide.zh : content.sendingSide.en, host: zh ? content.hostSide.zh : content.hostSide.en }),
  };
}

export async function renderCertificatePdf(content: CertificateContent): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 72, bottom: 72, left: 72, right: 72 }, lang: content.chineseLocale, info: { Title: "Certificate of Completion" } });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  registerFont(doc, FONT, resolvePdfFonts(content.chineseLocale).regular);
  const width = doc.page.width - 144;
  const english = paragraphs("en", content);
  const chinese = paragraphs(content.chineseLocale, content);
  const enT = pdfTranslator("en");
  const zhT = pdfTranslator(content.chineseLocale);

  doc.font(FONT).fillColor("#111111");
  doc.fontSize(26).text(english.title, { align: "center", width });
  doc.moveDown(0.3).fontSize(22).text(chinese.title, { align: "center", width });
  doc.moveDown(2).fontSize(13).text(english.body, { align: "left", width, lineGap: 4 });
  doc.moveDown(0.6).fontSize(10).text(english.sides, { width });
  doc.moveDown(2).fontSize(13).text(chinese.body, { align: "left", width, lineGap: 4 });
  doc.moveDown(0.6).fontSize(10).text(chinese.sides, { width });
  doc.moveDown(4).fontSize(11).text(enT("code", { code: content.code }), { width });
  doc.fontSize(11).text(zhT("code", { code: content.code }), { width });
  doc.moveDown(0.4).fontSize(9).text(enT("verifyAt", { url: content.verifyUrl }), { width });
  doc.fontSize(9).text(zhT("verifyAt", { url: content.verifyUrl }), { width });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
