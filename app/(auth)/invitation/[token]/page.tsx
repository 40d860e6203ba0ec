import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { LanguageSwitcher } from "@/features/preferences/language-switcher";
import { readInvitationLink } from "@/features/accounts/mutations";
import { AcceptInvitationForm } from "@/features/accounts/components/accept-invitation-form";

export async function generateMetadata() {
  const t = await getTranslations("accounts.accept");
  return { title: t("title") };
}

// Public: the token in the address is the authority (proxy.ts lets /invitation through). Whoever is signed in in
// this browser does not matter; setting the password signs the invitee in.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, errors, common, link] = await Promise.all([getTranslations("accounts.accept"), getTranslations("errors"), getTranslations("common"), readInvitationLink(decodeURIComponent(token))]);
  return (
    <>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold">{common("appName")}</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {link.state === "valid" ? (
          <>
            <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
            <p className="mb-6 text-slate-700">{t(link.purpose === "RESET" ? "resetIntro" : "intro", { name: link.name, email: link.email })}</p>
            <ClientMessages namespaces={["accounts.accept", "errors.serviceUnavailable"]}>
              <AcceptInvitationForm token={decodeURIComponent(token)} email={link.email} />
            </ClientMessages>
          </>
        ) : (
          <>
            <h1 className="mb-2 text-2xl font-bold">{t(`${link.state}Title`)}</h1>
            <p className="mb-6 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3" data-testid="invitation-state">
              {errors(`invitation${link.state[0].toUpperCase()}${link.state.slice(1)}`)}
            </p>
            <a href="/login" className="font-semibold text-brand-700 underline">
              {t("goToLogin")}
            </a>
          </>
        )}
      </main>
    </>
  );
}
