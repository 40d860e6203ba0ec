export function StatusPage({ code, title, body, linkLabel, children }: { code: string; title: string; body: string; linkLabel: string; children?: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-slate-600">{code}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      {children}
      {/* A plain link on purpose: after an error a full load of the home page is the surer way back, and the error
          boundary (in every page's scripts) need not carry next/link (decision 053). */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/" className="mt-6 inline-block text-brand-700 underline">
        {linkLabel}
      </a>
    </main>
  );
}
