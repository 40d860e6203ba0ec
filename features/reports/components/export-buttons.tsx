"use client";

import { useRef, useState } from "react";
import { useLocale, useTranslations } from "@/lib/i18n/client";
import { languageTags, type AppLocale } from "@/lib/i18n/locales";
import type { ExportFormat } from "../schemas";

const formatNames: Record<ExportFormat, string> = { csv: "CSV", xlsx: "XLSX", pdf: "PDF" };
const buttonClass =
  "inline-flex items-center justify-center rounded border border-brand-700 bg-white px-4 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:border-slate-400 disabled:text-slate-600";

function filenameFrom(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads the report in each format. The file is fetched here rather than by a plain link so that the page can
 * say what is happening (bytes received), keep the buttons disabled until it is done, and show the server's
 * translated reason when an export is refused (e.g. a PDF above its row limit).
 */
export function ExportButtons({ query, total, pdfLimit, disabled }: { query: string; total: number; pdfLimit: number; disabled: boolean }) {
  const t = useTranslations("reports.export");
  const locale = useLocale() as AppLocale;
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [received, setReceived] = useState(0);
  const [message, setMessage] = useState<{ kind: "done" | "error"; text: string } | null>(null);
  const lastUpdate = useRef(0);
  const pdfTooLarge = total > pdfLimit;
  const number = new Intl.NumberFormat(languageTags[locale]);
  const size = (bytes: number) =>
    new Intl.NumberFormat(languageTags[locale], { style: "unit", unit: bytes >= 1_048_576 ? "megabyte" : "kilobyte", maximumFractionDigits: 1 }).format(
      bytes >= 1_048_576 ? bytes / 1_048_576 : bytes / 1024,
    );

  async function download(format: ExportFormat) {
    setBusy(format);
    setReceived(0);
    setMessage(null);
    try {
      const response = await fetch(`/api/reports/placements/${format}${query ? `?${query}` : ""}`);
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: string } | null;
        setMessage({ kind: "error", text: body?.error ?? t("failed") });
        return;
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.length;
        // Announcing every chunk would flood screen readers and re-render needlessly.
        if (performance.now() - lastUpdate.current > 500) {
          lastUpdate.current = performance.now();
          setReceived(bytes);
        }
      }
      const filename = filenameFrom(response.headers.get("Content-Disposition"), `placement-report.${format}`);
      const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: response.headers.get("Content-Type") ?? "application/octet-stream" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setMessage({ kind: "done", text: t("done", { filename }) });
    } catch {
      setMessage({ kind: "error", text: t("failed") });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="export-heading" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <h2 id="export-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t("description")}</p>
      <div className="mt-3 flex flex-wrap gap-3" aria-busy={busy !== null}>
        {(["csv", "xlsx", "pdf"] as const).map((format) => {
          const blockedPdf = format === "pdf" && pdfTooLarge;
          return (
            <button
              key={format}
              type="button"
              className={buttonClass}
              disabled={disabled || busy !== null || blockedPdf}
              aria-describedby={blockedPdf ? "pdf-limit" : undefined}
              onClick={() => download(format)}
              data-testid={`export-${format}`}
            >
              {t(format)}
            </button>
          );
        })}
      </div>
      {pdfTooLarge && (
        <p id="pdf-limit" className="mt-2 text-sm text-slate-700">
          {t("pdfTooLarge", { limit: number.format(pdfLimit), count: number.format(total) })}
        </p>
      )}
      <p role="status" className="mt-2 text-sm text-slate-800">
        {busy
          ? received > 0
            ? t("progress", { format: formatNames[busy], received: size(received) })
            : t("preparing", { format: formatNames[busy] })
          : message?.kind === "done"
            ? message.text
            : ""}
      </p>
      {message?.kind === "error" && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-2 text-sm text-red-800">
          {message.text}
        </p>
      )}
    </section>
  );
}
