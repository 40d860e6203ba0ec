"use client";

import Link from "next/link";
import { useLocale, useTranslations, type ClientTranslator } from "@/lib/i18n/client";
import { localizedName, type AppLocale, type TrilingualName } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import type { MatchingRow, MatchingRunDetail } from "../queries";
import { pairValue } from "../pair";
import { acceptFormId, proposeAgainFormId } from "./run-forms.client";

// The run's pairs beside the current state, rendered here rather than on the server (decision 118): the rows travel
// as data (≈ 0.5 kB a row) instead of as rendered elements (≈ 2.3 kB a row), which is most of what "Propose" answers
// with. The checkboxes belong to the accept and propose-again forms through their `form` attribute.

export type ProposalRowsRun = Pick<MatchingRunDetail, "rows" | "unitNames" | "officerNames">;

/** The reason a row shows, in the reader's language, from the engine's reason `code` and keys (never its English text). */
function reasonText(row: MatchingRow, run: ProposalRowsRun, t: ClientTranslator, locale: AppLocale): string | null {
  const unit = (id: string) => (run.unitNames[id] ? localizedName(run.unitNames[id] as TrilingualName, locale) : id);
  const names = (ids: string[]) => ids.map((id) => run.officerNames[id] ?? id).join(locale === "en" ? ", " : "、");
  const parts: string[] = [];
  if (row.unassignedReason) {
    parts.push(row.unassignedReason.code === "noEligibleUnit" ? t("reasons.noEligibleUnit") : t("reasons.capacity", { eligible: row.unassignedReason.eligibleUnits }));
  }
  const reason = row.notFirstChoice;
  if (reason) {
    switch (reason.code) {
      case "forbidden":
        parts.push(t("reasons.forbidden", { unit: unit(reason.unitId) }));
        break;
      case "pinnedElsewhere":
        parts.push(t("reasons.pinnedElsewhere", { unit: unit(reason.pinnedUnitId) }));
        break;
      case "rankOutsideBand":
        parts.push(
          t("reasons.rankOutsideBand", {
            unit: unit(reason.unitId),
            rank: reason.rank,
            min: reason.rankMin === null ? t("reasons.openBand") : String(reason.rankMin),
            max: reason.rankMax === null ? t("reasons.openBand") : String(reason.rankMax),
          }),
        );
        break;
      case "firstChoiceFull":
        parts.push(
          t(reason.allValuedAtLeastAsHigh ? "reasons.firstChoiceFullHigher" : "reasons.firstChoiceFullTotal", {
            unit: unit(reason.unitId),
            places: reason.places,
            names: names(reason.takenBy.map((taker) => taker.officerId)),
          }),
        );
        break;
      case "departmentCap":
        parts.push(t("reasons.departmentCap", { unit: unit(reason.unitId), cap: reason.maxPerDepartmentPerUnit, names: names(reason.takenBy) }));
        break;
      case "higherValueElsewhere":
        parts.push(t("reasons.higherValueElsewhere", { unit: unit(reason.unitId), here: reason.valueHere.toFixed(2), there: reason.valueThere.toFixed(2) }));
        break;
    }
  }
  return parts.length > 0 ? parts.join(" ") : null;
}

/** A what-if box of the next proposal (pin, forbid, release): named in full for assistive technology, one word on screen. */
function WhatIfBox({ name, value, label, text, defaultChecked }: { name: "pinned" | "forbidden" | "released"; value: string; label: string; text: string; defaultChecked?: boolean }) {
  return (
    <label className="inline-flex items-center gap-1">
      <input type="checkbox" form={proposeAgainFormId} name={name} value={value} defaultChecked={defaultChecked} aria-label={label} className="h-4 w-4" />
      <span aria-hidden="true">{text}</span>
    </label>
  );
}

export function ProposalRows({ run, canAccept, canRepropose }: { run: ProposalRowsRun; canAccept: boolean; canRepropose: boolean }) {
  const t = useTranslations("matchingRuns");
  const locale = useLocale();
  const labels = [t("columns.officer"), t("columns.current"), t("columns.proposed"), t("columns.score"), t("columns.reason"), ...(canRepropose ? [t("columns.whatIf")] : [])];
  return (
    <DataTable caption={t("caption")} cardLabels={[null, ...labels.slice(1)]} headers={<HeaderCells labels={labels} />} testId="matching-rows">
      {run.rows.map((row) => {
        const reason = reasonText(row, run, t, locale);
        const proposedName = row.proposedUnit ? localizedName(row.proposedUnit, locale) : null;
        return (
          <tr key={row.placementId} className="border-t border-slate-200" data-testid="matching-row">
            <th scope="row" className="font-medium">
              <span className="flex items-start gap-2">
                {canAccept && row.isAcceptable && (
                  <input
                    type="checkbox"
                    form={acceptFormId}
                    name="placementIds"
                    value={row.placementId}
                    data-name={row.officerName}
                    aria-label={t("select", { name: row.officerName })}
                    className="mt-1 h-4 w-4 shrink-0"
                  />
                )}
                <span className="min-w-0">
                  <Link prefetch={false} href={`/placements/${row.placementId}`} className="text-brand-700 underline">
                    {row.officerName}
                  </Link>
                  {row.chineseName && (
                    <span lang="zh" className="block font-normal">
                      {row.chineseName}
                    </span>
                  )}
                  <span className="block text-xs font-normal text-slate-600">{localizedName(row.rank, locale)}</span>
                </span>
              </span>
            </th>
            <td>{row.currentUnit ? localizedName(row.currentUnit, locale) : t("none")}</td>
            <td>
              {proposedName ?? t("none")}
              {row.source === "kept" && <span className="block text-xs text-slate-600">{t("kept")}</span>}
              {row.source === "pinned" && <span className="block text-xs text-slate-600">{t("pinnedTag")}</span>}
              {row.isInPlace && row.source !== "kept" && <span className="block text-xs font-semibold text-green-800">{t("inPlace")}</span>}
            </td>
            <td>
              {row.score === null ? (
                t("none")
              ) : (
                <>
                  <span className="font-semibold">{row.score.toFixed(2)}</span>
                  {row.breakdown && <span className="block text-xs text-slate-600">{t("breakdown", row.breakdown)}</span>}
                </>
              )}
            </td>
            <td className="max-w-80">{reason ?? (row.isFirstChoice ? t("reasons.firstChoice") : t("none"))}</td>
            {canRepropose && (
              <td>
                {row.proposedUnitId && proposedName && row.source !== "kept" && (
                  <span className="flex flex-wrap gap-x-4 gap-y-1">
                    <WhatIfBox
                      name="pinned"
                      value={pairValue(row.placementId, row.proposedUnitId)}
                      defaultChecked={row.isPinned}
                      label={t("pinLabel", { name: row.officerName, unit: proposedName })}
                      text={t("pin")}
                    />
                    {row.source !== "pinned" && (
                      <WhatIfBox
                        name="forbidden"
                        value={pairValue(row.placementId, row.proposedUnitId)}
                        label={t("forbidLabel", { name: row.officerName, unit: proposedName })}
                        text={t("forbid")}
                      />
                    )}
                  </span>
                )}
                {row.source === "kept" && proposedName && (
                  <WhatIfBox name="released" value={row.placementId} label={t("releaseLabel", { name: row.officerName, unit: proposedName })} text={t("release")} />
                )}
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
