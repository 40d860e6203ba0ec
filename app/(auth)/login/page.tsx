import { Suspense } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PublicPage } from "@/features/account-security/components/public-page";
import { ClientMessages } from "@/components/client-messages";
import { SsoSignIn } from "@/features/sso/components/sso-sign-in";
import { LoginForm } from "./login-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ sso?: string | string[]; callbackUrl?: string | string[] }> }) {
  const { sso, callbackUrl } = await searchParams;
  if (await getSessionUser()) redirect("/");
  const t = await getTranslations("auth");
  const reset = await getTranslations("accountSecurity.passwordReset");
  const isDemo = env().EXCHANGE_DESK_DEMO;
  return (
    <PublicPage title={t("title")} intro={t("intro")}>
      <SsoSignIn refusal={typeof sso === "string" ? sso : undefined} callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
      <Suspense>
        <ClientMessages namespaces={["auth", "twoFactor"]}>
          <LoginForm />
        </ClientMessages>
      </Suspense>
      <p className="mt-4 text-sm">
        <Link href="/password-reset" className="text-brand-700 underline">
          {reset("forgotLink")}
        </Link>
      </p>
      {isDemo && (
        <section className="mt-8 rounded border border-slate-300 bg-white p-4 text-sm" aria-labelledby="demo-accounts">
          <h2 id="demo-accounts" className="mb-2 font-semibold">
            {t("demoHint", { password: DEMO_PASSWORD })}
          </h2>
          <ul className="list-disc pl-5">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                <code>{account.email}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </PublicPage>
  );
}
