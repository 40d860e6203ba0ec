import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { parseMonthParam } from "@/features/schedule/calendar";
import { CohortOverview, OfficerOverview, SupervisorOverview } from "@/features/schedule/components/overviews";
import { todayInHongKong } from "@/lib/dates";

export async function generateMetadata() {
  const t = await getTranslations("schedule");
  return { title: t("title") };
}

/** One address, one view per role: an officer's own schedule, a supervisor's unit, the cohorts of a coordinator. */
export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "schedule:view")) forbidden();
  const props = { user, today: todayInHongKong(), month: parseMonthParam((await searchParams).month) };
  if (user.role === "OFFICER") return <OfficerOverview {...props} />;
  if (user.role === "SUPERVISOR") return <SupervisorOverview {...props} />;
  return <CohortOverview {...props} />;
}
