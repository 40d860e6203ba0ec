import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { pickMessages, sharedClientMessages } from "@/lib/i18n/client-messages";
import { ClientIntlProvider } from "@/lib/i18n/client";
import { languageTags, type AppLocale } from "@/lib/i18n/locales";
import { requestIdHeader } from "@/lib/request-context";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("programmeName") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = (await getLocale()) as AppLocale;
  const t = await getTranslations("common");
  const requestId = (await headers()).get(requestIdHeader) ?? "";
  const clientMessages = pickMessages(await getMessages(), sharedClientMessages);
  return (
    <html lang={languageTags[locale]}>
      <head>
        <meta name="request-id" content={requestId} />
      </head>
      <body className="min-h-screen antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800"
        >
          {t("skipToContent")}
        </a>
        {/* Not every catalog: client components get theirs from <ClientMessages> (components/client-messages.tsx). */}
        <ClientIntlProvider locale={locale} messages={clientMessages}>
          {children}
        </ClientIntlProvider>
      </body>
    </html>
  );
}
