import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { parseDateOnly, todayInHongKong } from "@/lib/dates";
import { formatCalendarDate } from "@/lib/i18n/format";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import { DataTable } from "@/components/data-table";
import { HeaderCells } from "@/components/ui/column-headers";
import { displayStatus } from "@/features/placements/display-status";
import type { HostUnitView } from "../queries";
import { CapacityForm } from "./capacity-form";
import { ClientMessages } from "@/components/client-messages";

/** Per cohort the unit's side hosts: places used of the capacity, the capacity form, and who is placed there. */
export async function HostUnitCohorts({ unit, locale }: { unit: HostUnitView; locale: AppLocale }) {
  const [t, status] = await Promise.all([getTranslations("hostUnits"), getTranslations("status.placement")]);
  if (unit.cohorts.length === 0) return <EmptyState message={t("noCohorts")} />;
  const today = parseDateOnly(todayInHongKong());
  return (
    <div className="flex flex-col gap-6">
      {unit.cohorts.map((cohort) => {
        const name = localizedName(cohort.name, locale);
        const headingId = `cohort-${cohort.id}`;
        return (
          <section key={cohort.id} aria-labelledby={headingId} className="rounded border border-slate-300 bg-white p-5" data-testid="unit-cohort">
            <h3 id={headingId} className="font-semibold">
              {name}
            </h3>
            <p className="text-sm text-slate-700">
              {formatCalendarDate(cohort.startDate, locale)} – {formatCalendarDate(cohort.endDate, locale)} ·{" "}
              <span data-testid="places-used">{t("placesUsed", { used: cohort.used, capacity: cohort.capacity })}</span>
              {cohort.capacityVersion === null ? ` · ${t("defaultApplies")}` : ""}
            </p>
            {cohort.canManageCapacity && (
              <div className="mt-3">
                <ClientMessages namespaces={["hostUnits"]}>
                  <CapacityForm hostUnitId={unit.id} cohortId={cohort.id} cohortName={name} capacity={cohort.capacity} version={cohort.capacityVersion} />
                </ClientMessages>
              </div>
            )}
            {cohort.placements.length === 0 ? (
              <p className="mt-3 text-sm text-slate-700">{t("noPlacements")}</p>
            ) : (
              <DataTable
                className="mt-3"
                caption={t("placementsCaption", { cohort: name })}
                headers={<HeaderCells labels={[t("officer"), t("rank"), t("homeDepartment"), t("post"), t("field"), t("dates"), t("status")]} />}
              >
                    {cohort.placements.map((placement) => (
                      <tr key={placement.id} className="border-t border-slate-200" data-testid="unit-placement">
                        <th scope="row" className="font-medium">
                          {placement.status === "WITHDRAWN" ? (
                            placement.officerName
                          ) : (
                            <Link href={`/officers/${placement.officerId}`} className="text-brand-700 underline">
                              {placement.officerName}
                            </Link>
                          )}
                          {placement.chineseName && (
                            <span lang="zh" className="ml-2 font-normal">
                              {placement.chineseName}
                            </span>
                          )}
                        </th>
                        <td>{localizedName(placement.rank, locale)}</td>
                        <td>{localizedName(placement.department, locale)}</td>
                        <td>{placement.postTitle ?? "—"}</td>
                        <td>{placement.field ? localizedName(placement.field, locale) : "—"}</td>
                        <td className="whitespace-nowrap">
                          {formatCalendarDate(placement.startDate, locale)} – {formatCalendarDate(placement.endDate, locale)}
                        </td>
                        <td>{status(displayStatus(placement, today))}</td>
                      </tr>
                    ))}
              </DataTable>
            )}
          </section>
        );
      })}
    </div>
  );
}
