"use client";

import { createContext, useContext, useMemo } from "react";
import type { AppLocale } from "./locales";
import { formatMessage, type MessageValues } from "./message-format";

// Translation for client components without use-intl in the browser (decision 046): the same `useTranslations` /
// `useLocale` shape as next-intl, over the catalog entries a server component hands to <ClientIntlProvider> (the root
// layout's shared entries, or a <ClientMessages> island's namespaces), formatted by ./message-format.ts. Server
// components and server code keep next-intl. A client component sees the messages of its nearest provider only, as
// with next-intl; client-translations.test.ts keeps "use client" modules off next-intl.

type Messages = Record<string, unknown>;

const IntlContext = createContext<{ locale: AppLocale; messages: Messages } | null>(null);

export function ClientIntlProvider({ locale, messages, children }: { locale: AppLocale; messages: Messages; children: React.ReactNode }) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <IntlContext.Provider value={value}>{children}</IntlContext.Provider>;
}

function useIntlContext() {
  const context = useContext(IntlContext);
  if (!context) throw new Error("A client component translated outside <ClientIntlProvider> (app/layout.tsx, components/client-messages.tsx).");
  return context;
}

export function useLocale(): AppLocale {
  return useIntlContext().locale;
}

function lookUp(messages: Messages, path: string): unknown {
  let entry: unknown = messages;
  for (const key of path.split(".")) entry = entry && typeof entry === "object" ? (entry as Messages)[key] : undefined;
  return entry;
}

export type ClientTranslator = (key: string, values?: MessageValues) => string;

/**
 * `t(key, values)` within `namespace`. A missing message or value shows the key's full path (as next-intl's default
 * fallback does) and is reported in the console, rather than breaking the page.
 */
export function useTranslations(namespace?: string): ClientTranslator {
  const { locale, messages } = useIntlContext();
  return useMemo(() => {
    return (key: string, values?: MessageValues) => {
      const path = namespace ? `${namespace}.${key}` : key;
      const message = lookUp(messages, path);
      if (typeof message !== "string") {
        console.error(`Missing message: ${path} (${locale})`);
        return path;
      }
      try {
        return formatMessage(message, values, locale);
      } catch (error) {
        console.error(`Cannot format message ${path} (${locale}):`, error);
        return path;
      }
    };
  }, [locale, messages, namespace]);
}
