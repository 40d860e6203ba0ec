import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localizedName, type AppLocale } from "@/lib/i18n/locales";
import type { HostUnitOption } from "../queries/assignment-options";
import { DataTable } from "@/components/data-table";

/**
 * On the board: the host side's one-line summary of places left, linking to the table per host unit. The table has
 * its own page so that the board's HTML stays small (decision 050); the assign form shows the places per unit too.
 */
export async function HostUnitPlacesLink({ cohortId, units }: { cohortId: string; units: HostUnitOption[] }) {
  const t = await getTranslations("placements");
  if (units.length === 0) return null;
  const remaining = units.reduce((sum, unit) => sum + unit.remaining, 0);
  return (
    <p className="mt-6 text-sm">
      <Link href={`/cohorts/${cohortId}/places`} className="text-brand-700 underline">
        {t("placesSummary", { remaining, units: units.length })}
      </Link>
    </p>
  );
}

/** The host side's overview of places per host unit in this cohort. */
export async function HostUnitPlaces({ units, locale }: { units: HostUnitOption[]; locale: AppLocale }) {
  const t = await getTranslations("placements");
  return (
    <DataTable
      caption={t("placesCaption")}
      cardLabels={[null, t("capacity"), t("used"), t("remaining")]}
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
  );
}
