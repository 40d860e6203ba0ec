import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, todayInHongKong } from "@/lib/dates";
import { recordOnce, type Occasion } from "@/features/notifications/reminders";
import { reportDueOn } from "./due-dates";
import { reportKinds } from "./schemas";

/** A report not yet submitted is announced this many days before it is due. */
export const reportDueReminderDays = 7;

/**
 * Officers' reports (issue 15), scanned by the notifications worker beside its own reminders: "due in 7 days" to the
 * officer; once past the due date and still not submitted, "overdue" to the officer and the sending side — once per
 * due date (a moved date reminds again). Nothing once the placement has ended.
 */
export async function reportReminderOccasions(client: PrismaClient, today: string): Promise<Occasion[]> {
  const soon = addDays(today, reportDueReminderDays);
  const placements = await client.placement.findMany({
    where: { status: "CONFIRMED", cohort: { status: { not: "COMPLETED" } }, endDate: { gte: new Date(`${today}T00:00:00Z`) } },
    select: { id: true, startDate: true, endDate: true, officerReports: { select: { kind: true, status: true, dueOn: true }, orderBy: { revision: "desc" } } },
  });
  const occasions: Occasion[] = [];
  for (const placement of placements) {
    for (const reportKind of reportKinds) {
      const latest = placement.officerReports.find((report) => report.kind === reportKind);
      if (latest?.status === "SUBMITTED" || latest?.status === "ACCEPTED") continue;
      const dueOn = reportDueOn(reportKind, placement, latest);
      if (dueOn === soon) occasions.push({ key: `reportDue:${placement.id}:${reportKind}:${dueOn}`, event: { kind: "reminder.reportDue", placementId: placement.id, reportKind, dueOn } });
      if (dueOn < today) occasions.push({ key: `reportOverdue:${placement.id}:${reportKind}:${dueOn}`, event: { kind: "reminder.reportOverdue", placementId: placement.id, reportKind, dueOn } });
    }
  }
  return occasions;
}

/** Records every report reminder due at `now` that no earlier scan recorded; how many were recorded now. */
export async function scanReportReminders(client: PrismaClient, now: Date): Promise<number> {
  let recorded = 0;
  for (const occasion of await reportReminderOccasions(client, todayInHongKong(now))) if (await recordOnce(client, occasion)) recorded++;
  return recorded;
}
