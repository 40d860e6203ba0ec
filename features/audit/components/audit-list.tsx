import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { TextField } from "@/components/ui/text-field";
import type { Actor } from "@/lib/authorization";
import type { AppLocale } from "@/lib/i18n/locales";
import { SelectField } from "@/components/ui/form-fields";
import { FilterForm, Pagination, hrefWith, type SearchParams } from "@/components/data-list";
import { findAuditEntries, findAuditFilterOptions } from "../queries";
import { actionLabel, presentAuditEntries, readerContext, recordTypeLabel } from "../presentation";
import type { AuditListParams } from "../schemas";
import { AuditEntryTable } from "./audit-entry-table";

const basePath = "/admin/audit";
export const auditExportPath = "/api/admin/audit/export";

export async function AuditList({ actor, params, rawParams, locale }: { actor: Actor; params: AuditListParams; rawParams: SearchParams; locale: AppLocale }) {
  const [t, options, list] = await Promise.all([getTranslations("audit"), findAuditFilterOptions(actor), findAuditEntries(actor, params)]);
  const reader = readerContext(actor, locale);
  const translate = reader.t;
  const entries = await presentAuditEntries(list.entries, reader);
  const filtered = Boolean(params.actor || params.action || params.entityType || params.entityId || params.from || params.to);
  return (
    <>
      <FilterForm basePath={basePath} label={t("filterLabel")}>
        <TextField name="actor" type="search" label={t("actor")} hint={t("actorHint")} defaultValue={params.actor ?? ""} />
        <SelectField
          name="action"
          label={t("action")}
          options={options.actions.map((action) => ({ value: action, label: actionLabel(translate, action) })).sort((a, b) => a.label.localeCompare(b.label, locale))}
          placeholder={t("any")}
          defaultValue={params.action}
        />
        <SelectField
          name="entityType"
          label={t("entityType")}
          options={options.entityTypes.map((type) => ({ value: type, label: recordTypeLabel(translate, type) })).sort((a, b) => a.label.localeCompare(b.label, locale))}
          placeholder={t("any")}
          defaultValue={params.entityType}
        />
        <TextField name="from" type="date" label={t("from")} defaultValue={params.from ?? ""} />
        <TextField name="to" type="date" label={t("to")} defaultValue={params.to ?? ""} />
        {params.entityId && <input type="hidden" name="entityId" value={params.entityId} />}
      </FilterForm>
      {list.total === 0 ? (
        <EmptyState message={filtered ? t("noMatches") : t("empty")} />
      ) : (
        <>
          <p className="mb-3">
            {/* A plain link: the browser downloads the file the route handler streams. */}
            <a href={hrefWith(auditExportPath, rawParams, { page: undefined })} className="text-brand-700 underline" download data-testid="audit-export">
              {t("exportCsv")}
            </a>
          </p>
          <AuditEntryTable
            entries={entries}
            testId="audit-row"
            labels={{
              caption: t("tableCaption"),
              whenAndWho: t("whenAndWho"),
              action: t("action"),
              changes: t("changes"),
              empty: t("noDetails"),
              was: t("was"),
              now: t("now"),
            }}
          />
          <Pagination page={list.page} pageCount={list.pageCount} total={list.total} basePath={basePath} params={rawParams} />
        </>
      )}
    </>
  );
}
