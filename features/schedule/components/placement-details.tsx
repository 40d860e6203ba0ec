import { useLocale, useTranslations } from "next-intl";
import { placementProgress } from "@/lib/dates";
import type { AppLocale } from "@/lib/i18n/locales";
import type { HolidayCalendar } from "../holidays";
import type { Contact, SchedulePlacement } from "../queries";
import { formatIsoDate, localizedName } from "./format";
import { DetailList } from "@/components/detail-list";
import { displayStatus } from "@/features/placements/display-status";

/** "My placement": where, in which post, with whom, and how far along (calendar days and host working days). */
export function PlacementDetails({ placement, contacts, holidayCalendar, today, headingId = "placement-heading", title }: { placement: SchedulePlacement; contacts?: Contact[]; holidayCalendar: HolidayCalendar; today: string; headingId?: string; title: string }) {
  const t = useTranslations("schedule.placement");
  const status = useTranslations("status.placement");
  const holidays = useTranslations("schedule.holidays");
  const locale = useLocale() as AppLocale;
  const progress = placementProgress(placement.startDate, placement.endDate, today);
  const from = today > placement.startDate ? today : placement.startDate;
  const hostWorkingDaysLeft = from > placement.endDate ? 0 : holidayCalendar.countWorkingDays(placement.cohort.hostSide, from, placement.endDate);
  const rows: [string, React.ReactNode][] = [
    [t("officer"), placement.chineseName ? `${placement.officerName} ${placement.chineseName}` : placement.officerName],
    [t("cohort"), localizedName(placement.cohort.name, locale)],
    [t("hostUnit"), placement.hostUnit ? localizedName(placement.hostUnit, locale) : t("notAssigned")],
    [t("post"), placement.postTitle ?? "—"],
    [t("dates"), `${formatIsoDate(placement.startDate, locale)} – ${formatIsoDate(placement.endDate, locale)}`],
    [t("status"), status(displayStatus(placement))],
    [t("daysDone"), t("daysOf", { done: progress.done, total: progress.total })],
    [t("daysRemaining"), String(progress.remaining)],
    [t("hostWorkingDaysRemaining", { side: holidays(`sides.${placement.cohort.hostSide}`) }), String(hostWorkingDaysLeft)],
  ];
  return (
    <section aria-labelledby={headingId} className="rounded border border-slate-300 bg-white p-4 print:border-0 print:p-0" data-testid="placement-details">
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      <DetailList items={rows} className="mt-3 gap-y-1.5" />
      {contacts && (
        <>
          <h3 className="mt-4 font-semibold">{t("contacts")}</h3>
          {contacts.length === 0 ? (
            <p className="text-slate-700">{t("noContacts")}</p>
          ) : (
            <ul className="mt-1 flex flex-col gap-1">
              {contacts.map((contact) => (
                <li key={`${contact.role}-${contact.email}`}>
                  <span className="font-medium">{contact.name}</span> · {contact.role === "SUPERVISOR" ? t("supervisor") : t(contact.side === "host" ? "hostCoordinator" : "sendingCoordinator")} ·{" "}
                  <a href={`mailto:${contact.email}`} className="text-brand-700 underline">
                    {contact.email}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
