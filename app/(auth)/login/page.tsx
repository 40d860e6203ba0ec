import { Suspense } from "react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { LanguageSwitcher } from "@/features/preferences/language-switcher";
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
  const common = await getTranslations("common");
  const reset = await getTranslations("accountSecurity.passwordReset");
  const isDemo = env().EXCHANGE_DESK_DEMO;
  return (
    <>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold">{common("appName")}</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-6 text-slate-700">{t("intro")}</p>
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
      </main>
    </>
  );
}
