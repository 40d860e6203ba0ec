import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { Button } from "@/components/ui/button";
import { PublicPage } from "@/features/account-security/components/public-page";
import { readInvitationLink } from "@/features/accounts/mutations";
import { AcceptInvitationForm } from "@/features/accounts/components/accept-invitation-form";
import { singleSignOnSettings, startPath } from "@/features/sso/settings";

export async function generateMetadata() {
  const t = await getTranslations("accounts.accept");
  return { title: t("title") };
}

// Public: the token in the address is the authority (proxy.ts lets /invitation through). Whoever is signed in in
// this browser does not matter; setting the password signs the invitee in. An account that signs in only through
// single sign-on gets the provider's button instead; its first sign-in there accepts the invitation (decision 105).
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, sso, errors, link] = await Promise.all([getTranslations("accounts.accept"), getTranslations("ssoInvitations.page"), getTranslations("errors"), readInvitationLink(decodeURIComponent(token))]);
  if (link.state !== "valid") {
    return (
      <PublicPage title={t(`${link.state}Title`)}>
        <p className="mb-6 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3" data-testid="invitation-state">
          {errors(`invitation${link.state[0].toUpperCase()}${link.state.slice(1)}`)}
        </p>
        <a href="/login" className="font-semibold text-brand-700 underline">
          {t("goToLogin")}
        </a>
      </PublicPage>
    );
  }
  if (link.ssoOnly) {
    const settings = singleSignOnSettings();
    if (!settings) {
      return (
        <PublicPage title={sso("title")}>
          <p className="mb-6 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3" data-testid="invitation-state">
            {sso("unavailable")}
          </p>
        </PublicPage>
      );
    }
    const signIn = await getTranslations("ssoInvitations.email");
    return (
      <PublicPage title={sso("title")} intro={sso("intro", { name: link.name, email: link.email, provider: settings.name })}>
        <Button asChild>
          <a href={`${startPath}?${new URLSearchParams({ callbackUrl: "/" })}`}>{signIn("open", { provider: settings.name })}</a>
        </Button>
      </PublicPage>
    );
  }
  return (
    <PublicPage title={t("title")} intro={t(link.purpose === "RESET" ? "resetIntro" : "intro", { name: link.name, email: link.email })}>
      <ClientMessages namespaces={["accounts.accept", "errors.serviceUnavailable"]}>
        <AcceptInvitationForm token={decodeURIComponent(token)} email={link.email} />
      </ClientMessages>
    </PublicPage>
  );
}
