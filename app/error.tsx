"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { StatusPage } from "@/components/status-page";
import { buttonClass } from "@/components/ui/button-class";

/** Shows the request id so a user can quote it; the error itself is logged on the server (instrumentation.ts). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const common = useTranslations("common");
  const [requestId] = useState(
    () => (typeof document === "undefined" ? null : document.querySelector('meta[name="request-id"]')?.getAttribute("content")) || error.digest || "",
  );
  return (
    <StatusPage code="500" title={t("errorTitle")} body={t("errorBody")} linkLabel={common("backToHome")}>
      {requestId && <p className="mt-2 text-sm text-slate-700">{common("requestId", { requestId })}</p>}
      {/* A <button> with the kit's classes, not <Button>: this boundary is in every page's scripts, Radix's Slot need not be. */}
      <button type="button" onClick={reset} className={buttonClass({ className: "mt-4" })}>
        {t("retry")}
      </button>
    </StatusPage>
  );
}
