import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { formatCalendarDate } from "@/lib/i18n/format";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { controlClass, Field } from "@/components/ui/field";
import { findOutcomeFilterOptions, findOutcomes } from "@/features/officer-reports/library";
import { parseOutcomeSearch, type OutcomeSearch } from "@/features/officer-reports/library-params";
import { renderMarkdown } from "@/features/officer-reports/markdown";

export async function generateMetadata() {
  const t = await getTranslations("outcomes");
  return { title: t("title") };
}

/** The digest of the chosen cohort, with the same filters (decision 114). */
function digestHref(search: OutcomeSearch): string {
  const params = new URLSearchParams();
  for (const key of ["cohort", "hostUnit", "field", "q"] as const) if (search[key]) params.set(key, search[key]!);
  return `/outcomes/digest?${params.toString()}`;
}

function pageHref(search: OutcomeSearch, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["q", "cohort", "hostUnit", "field"] as const) if (search[key]) params.set(key, search[key]!);
  params.set("page", String(page));
  return `/outcomes?${params.toString()}`;
}

/** The outcomes library: what officers brought back, searchable in any script (decision 094). */
export default async function OutcomesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "outcome:view")) forbidden();
  const search = parseOutcomeSearch(await searchParams);
  const [t, digest, reports, locale, results, options] = await Promise.all([
    getTranslations("outcomes"),
    getTranslations("outcomesDigest"),
    getTranslations("officerReports"),
    getLocale() as Promise<AppLocale>,
    findOutcomes(user, search),
    findOutcomeFilterOptions(user),
  ]);
  const select = (name: "cohort" | "hostUnit" | "field", label: string, choices: { id: string; nameEn: string; nameZhHant: string; nameZhHans: string }[]) => (
    <Field id={`outcomes-${name}`} label={label}>
      <select name={name} defaultValue={search[name] ?? ""} className={controlClass()}>
        <option value="">{t("any")}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {localizedName(choice, locale)}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <form method="get" action="/outcomes" role="search" aria-label={t("searchLabel")} className="mb-6 grid gap-4 rounded border border-slate-300 bg-white p-4 md:grid-cols-2 lg:grid-cols-4">
        <Field id="outcomes-q" label={t("words")} hint={t("wordsHint")} className="md:col-span-2 lg:col-span-4">
          <input type="search" name="q" defaultValue={search.q ?? ""} maxLength={200} className={`${controlClass()} w-full`} />
        </Field>
        {select("cohort", t("cohort"), options.cohorts)}
        {select("hostUnit", t("hostUnit"), options.hostUnits)}
        {select("field", t("field"), options.fields)}
        <div className="flex items-end">
          <Button type="submit">{t("search")}</Button>
        </div>
      </form>
      {search.cohort && options.cohorts.some((cohort) => cohort.id === search.cohort) && (
        <div className="mb-4 flex flex-wrap items-center gap-3">
          <Button asChild variant="secondary">
            <a href={digestHref(search)} download aria-describedby="outcomes-digest-hint">
              {digest("download")}
            </a>
          </Button>
          <p id="outcomes-digest-hint" className="text-sm text-slate-700">
            {digest("downloadHint")}
          </p>
        </div>
      )}
      <p className="mb-3 text-sm text-slate-700" role="status">
        {t("found", { count: results.total })}
      </p>
      {results.entries.length === 0 ? (
        <EmptyState message={t("empty")} />
      ) : (
        <ol className="flex flex-col gap-4" data-testid="outcomes">
          {results.entries.map((entry) => (
            <li key={entry.id} className="rounded border border-slate-300 bg-white p-4">
              <article aria-labelledby={`outcome-${entry.id}`}>
                <h2 id={`outcome-${entry.id}`} className="text-lg font-semibold break-words">
                  {[entry.hostUnit && localizedName(entry.hostUnit, locale), entry.postTitle].filter(Boolean).join(" — ")}
                </h2>
                <p className="mb-3 text-sm text-slate-700">
                  {[localizedName(entry.cohort, locale), entry.field && localizedName(entry.field, locale), entry.acceptedAt && formatCalendarDate(entry.acceptedAt, locale)].filter(Boolean).join(" · ")}
                </p>
                {entry.sections.map((section) => (
                  <section key={section.name} aria-label={reports(`sections.${section.name}.label`)} className="mb-3">
                    <h3 className="font-semibold">{reports(`sections.${section.name}.label`)}</h3>
                    <div className="report-markdown break-words" dangerouslySetInnerHTML={{ __html: renderMarkdown(section.text) }} />
                  </section>
                ))}
              </article>
            </li>
          ))}
        </ol>
      )}
      {results.pageCount > 1 && (
        <nav aria-label={t("pages")} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
          {results.page > 1 && (
            <Link href={pageHref(search, results.page - 1)} className="text-brand-700 underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page: results.page, pages: results.pageCount })}</span>
          {results.page < results.pageCount && (
            <Link href={pageHref(search, results.page + 1)} className="text-brand-700 underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
