import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A link to the same list with one search param changed, keeping the others (search, filters, sort). */
export function listHref(basePath: string, params: Record<string, string | number | undefined>, changes: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) {
    if (value !== undefined && value !== "" && !(key === "page" && Number(value) === 1)) search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${basePath}?${query}` : basePath;
}

interface PaginationProps {
  basePath: string;
  params: Record<string, string | number | undefined>;
  page: number;
  pageCount: number;
  total: number;
}

export async function Pagination({ basePath, params, page, pageCount, total }: PaginationProps) {
  const t = await getTranslations("cohorts");
  const linkStyle = "rounded border border-slate-400 bg-white px-3 py-1 text-sm text-brand-700 underline hover:bg-slate-100";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("pageOf", { page, pageCount, total })}
      </p>
      <ul className="flex gap-2">
        <li>
          {page > 1 ? (
            <Link href={listHref(basePath, params, { page: page - 1 })} className={linkStyle} rel="prev">
              {t("previousPage")}
            </Link>
          ) : (
            <span className="px-3 py-1 text-sm text-slate-600" aria-disabled="true">
              {t("previousPage")}
            </span>
          )}
        </li>
        <li>
          {page < pageCount ? (
            <Link href={listHref(basePath, params, { page: page + 1 })} className={linkStyle} rel="next">
              {t("nextPage")}
            </Link>
          ) : (
            <span className="px-3 py-1 text-sm text-slate-600" aria-disabled="true">
              {t("nextPage")}
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
