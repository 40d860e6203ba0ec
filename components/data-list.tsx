import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/ui/form-fields";
import { DataTable } from "@/components/data-table";
import { Button } from "@/components/ui/button";

// Server-rendered list controls: every state lives in the URL's search parameters, so lists work without
// JavaScript, survive a reload and can be bookmarked or shared.

export type SearchParams = Record<string, string | undefined>;

/** The current URL with some parameters replaced (undefined removes one). */
export function hrefWith(basePath: string, params: SearchParams, changes: SearchParams): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${basePath}?${text}` : basePath;
}

/** First value of each search parameter, as Next passes them to a page. */
export function firstValues(input: Record<string, string | string[] | undefined>): SearchParams {
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

export async function SortHeader({
  label,
  sortKey,
  sort,
  dir,
  basePath,
  params,
  className = "",
}: {
  label: string;
  sortKey: string;
  sort: string;
  dir: "asc" | "desc";
  basePath: string;
  params: SearchParams;
  className?: string;
}) {
  const t = await getTranslations("lists");
  const active = sort === sortKey;
  const nextDir = active && dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined} className={`px-3 py-2 ${className}`}>
      <Link href={hrefWith(basePath, params, { sort: sortKey, dir: nextDir, page: undefined })} className="inline-flex items-center gap-1 text-brand-700 underline">
        {label}
        <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : ""}</span>
        <span className="sr-only">{t(nextDir === "asc" ? "sortAscending" : "sortDescending")}</span>
      </Link>
    </th>
  );
}

export async function Pagination({ page, pageCount, total, basePath, params }: { page: number; pageCount: number; total: number; basePath: string; params: SearchParams }) {
  const t = await getTranslations("lists");
  const link = "rounded border border-slate-400 bg-white px-3 py-1 text-sm text-brand-700 underline";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-slate-700" aria-live="polite">
        {t("pageOf", { page, pages: pageCount, total })}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={hrefWith(basePath, params, { page: String(page - 1) })} className={link} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link href={hrefWith(basePath, params, { page: String(page + 1) })} className={link} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}

/** A GET form for a list's search and filters; submitting starts again from page 1. */
export async function FilterForm({ basePath, children, label }: { basePath: string; children: React.ReactNode; label: string }) {
  const t = await getTranslations("lists");
  return (
    <form method="get" action={basePath} role="search" aria-label={label} className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-4">
      {children}
      <div className="flex gap-2">
        <Button type="submit">
          {t("apply")}
        </Button>
        <Button asChild variant="secondary">
          <Link href={basePath}>
            {t("clear")}
          </Link>
        </Button>
      </div>
    </form>
  );
}

/** The filter every list of deactivatable records has: active only (the default), inactive only, or all. */
export async function ActiveStatusFilter({ value }: { value: "active" | "inactive" | "all" }) {
  const t = await getTranslations("lists");
  return (
    <SelectField
      name="status"
      label={t("status")}
      options={[
        { value: "active", label: t("activeOnly") },
        { value: "inactive", label: t("inactiveOnly") },
        { value: "all", label: t("allStatuses") },
      ]}
      defaultValue={value}
    />
  );
}

/** One page of a list: the DataTable of its rows and the pager below. */
export function PagedTable({
  pagination,
  ...table
}: {
  caption: string;
  headers: React.ReactNode;
  pagination: { page: number; pageCount: number; total: number; basePath: string; params: SearchParams };
  children: React.ReactNode;
  /** See DataTable. */
  cardLabels?: readonly (string | null | undefined)[];
}) {
  return (
    <>
      <DataTable {...table} />
      <Pagination {...pagination} />
    </>
  );
}
