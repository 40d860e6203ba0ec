import { cache } from "react";
import { getLocale, getMessages } from "next-intl/server";
import { ClientIntlProvider } from "@/lib/i18n/client";
import type { AppLocale } from "@/lib/i18n/locales";
import { pickMessages, sharedClientMessages } from "@/lib/i18n/client-messages";

// One object per set of namespaces and request: React sends an object it has already sent by reference, so a list
// of 25 approve buttons carries the placement catalog once.
// The shared entries come too: a client component sees only its nearest provider, and the form hook's own errors
// (errors.formTooLarge…) must read inside every island as they do outside.
const messagesFor = cache(async (namespaces: string) => pickMessages(await getMessages(), [...sharedClientMessages, ...namespaces.split(",")]));

/**
 * Gives the client components inside it the catalog namespaces they read (and nothing else: a client component
 * sees only the messages of its nearest provider). The root layout sends only a few shared entries
 * (lib/i18n/client-messages.ts), so an island of client components brings its own.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: React.ReactNode }) {
  return (
    <ClientIntlProvider locale={(await getLocale()) as AppLocale} messages={await messagesFor(namespaces.join(","))}>
      {children}
    </ClientIntlProvider>
  );
}
