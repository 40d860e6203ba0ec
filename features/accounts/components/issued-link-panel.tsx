"use client";

import { useTranslations } from "@/lib/i18n/client";

/** The set-password link (or, for an account that signs in only through SSO, the invitation link), shown once to whoever issued it (it is stored nowhere but in the email). */
export function IssuedLinkPanel({ name, email, url, ssoOnly = false }: { name: string; email: string; url: string; ssoOnly?: boolean }) {
  const t = useTranslations("accounts.issued");
  return (
    <section aria-labelledby="issued-link-heading" className="rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3" data-testid="issued-link">
      <h2 id="issued-link-heading" className="font-semibold">
        {t("title", { name })}
      </h2>
      <p className="mb-2 text-sm">{ssoOnly ? t("ssoBody", { email }) : t("body", { email })}</p>
      <label htmlFor="issued-link-url" className="block text-sm font-medium">
        {ssoOnly ? t("ssoLink") : t("link")}
      </label>
      <input id="issued-link-url" readOnly value={url} className="w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm" onFocus={(event) => event.currentTarget.select()} />
    </section>
  );
}
