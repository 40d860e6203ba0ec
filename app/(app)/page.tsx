import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/authorization";
import { PageHeader } from "@/components/page-header";
import { AdminDashboard, CoordinatorDashboard, OfficerDashboard, SupervisorDashboard } from "@/features/dashboard/components/dashboards";
import { OwnPreferencesNotice } from "@/features/matching/inputs/components/links";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  if (!hasPermission(user, "dashboard:view")) forbidden();
  const t = await getTranslations("dashboard");
  const { hostCohort } = await searchParams;
  return (
    <>
      <PageHeader title={t("welcome", { name: user.name })} />
      {user.role === "ADMIN" && <AdminDashboard user={user} />}
      {/* The chosen host cohort is only a view choice; the query ignores a cohort the user's side does not host. */}
      {user.role === "COORDINATOR" && <CoordinatorDashboard user={user} hostCohortId={typeof hostCohort === "string" ? hostCohort : undefined} />}
      {user.role === "SUPERVISOR" && <SupervisorDashboard user={user} />}
      {user.role === "OFFICER" && <OwnPreferencesNotice actor={user} />}
      {user.role === "OFFICER" && <OfficerDashboard user={user} />}
    </>
  );
}
