import { getTranslations } from "next-intl/server";
import { requireSessionUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/page-header";
import { AdminDashboard, CoordinatorDashboard, OfficerDashboard, SupervisorDashboard } from "@/features/dashboard/components/dashboards";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

const dashboards = { ADMIN: AdminDashboard, COORDINATOR: CoordinatorDashboard, SUPERVISOR: SupervisorDashboard, OFFICER: OfficerDashboard };

export default async function HomePage() {
  const user = await requireSessionUser();
  const t = await getTranslations("dashboard");
  const Dashboard = dashboards[user.role];
  return (
    <>
      <PageHeader title={t("welcome", { name: user.name })} />
      <Dashboard user={user} />
    </>
  );
}
