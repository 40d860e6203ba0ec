import { getTranslations } from "next-intl/server";

/** /verify is public: no navigation of the signed-in app, only the app's name. */
export default async function VerifyLayout({ children }: { children: React.ReactNode }) {
  const common = await getTranslations("common");
  return (
    <>
      <header className="bg-brand-700 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="text-lg font-bold">{common("appName")}</p>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-xl px-4 py-10">
        {children}
      </main>
    </>
  );
}
