import { getTranslations } from "next-intl/server";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { HostUnitOption } from "../queries/assignment-options";
import { DataTable } from "@/components/data-table";

/** The host side's overview of places per host unit in this cohort, folded away until asked for. */
export async function HostUnitPlaces({ units, locale }: { units: HostUnitOption[]; locale: AppLocale }) {
  const t = await getTranslations("placements");
  if (units.length === 0) return null;
  const remaining = units.reduce((sum, unit) => sum + unit.remaining, 0);
  return (
    <details className="mt-6 rounded border border-slate-300 bg-white p-4">
      <summary className="cursor-pointer font-semibold">{t("placesSummary", { remaining, units: units.length })}</summary>
      <DataTable
        className="mt-3"
        caption={t("placesCaption")}
        headers={
          <>
            <th scope="col">{t("hostUnit")}</th>
            <th scope="col" className="text-right">{t("capacity")}</th>
            <th scope="col" className="text-right">{t("used")}</th>
            <th scope="col" className="text-right">{t("remaining")}</th>
          </>
        }
      >
        {units.map((unit) => (
          <tr key={unit.id} className="border-t border-slate-200">
            <th scope="row" className="font-normal">
              {localizedName(unit, locale)}
            </th>
            <td className="text-right tabular-nums">{unit.capacity}</td>
            <td className="text-right tabular-nums">{unit.used}</td>
            <td className="text-right tabular-nums">{unit.remaining}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}
