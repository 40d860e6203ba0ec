import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { firstValues } from "@/components/data-list";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { todayInHongKong } from "@/lib/dates";
import { HolidayYearView } from "@/features/holidays/components/holiday-year";
import { findHoliday, findHolidayYear } from "@/features/holidays/queries";
import { holidayPageParams } from "@/features/holidays/schemas";

export async function generateMetadata() {
  const t = await getTranslations("holidays");
  return { title: t("title") };
}

export default async function HolidaysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "holiday:manage")) forbidden();
  const raw = firstValues(await searchParams);
  const { side, year } = holidayPageParams(raw, Number(todayInHongKong().slice(0, 4)));
  const [t, data, editing] = await Promise.all([getTranslations("holidays"), findHolidayYear(user, side, year), raw.edit ? findHoliday(user, raw.edit) : Promise.resolve(null)]);
  // An entry of another side or year than the one shown is not edited here (the form's side and year come from the page).
  const editable = editing && editing.side === side && editing.date.startsWith(`${year}-`) ? editing : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <HolidayYearView
        data={data}
        editing={
          editable && {
            id: editable.id,
            version: String(editable.version),
            date: editable.date,
            kind: editable.kind,
            nameEn: editable.nameEn,
            nameZhHant: editable.nameZhHant,
            nameZhHans: editable.nameZhHans,
          }
        }
      />
    </>
  );
}
