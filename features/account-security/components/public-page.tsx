import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/features/preferences/language-switcher";

/**
 * The frame of every signed-out page (sign-in, password reset, invitation): the app's name, the language switch, one
 * column. Without a title the page's children bring their own heading.
 */
export async function PublicPage({ title, intro, children }: { title?: string; intro?: string; children: React.ReactNode }) {
  const common = await getTranslations("common");
  return (
    <>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold">{common("appName")}</p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {title && <h1 className="mb-2 text-2xl font-bold">{title}</h1>}
        {intro && <p className="mb-6 text-slate-700">{intro}</p>}
        {children}
      </main>
    </>
  );
}
