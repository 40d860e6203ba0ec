import "server-only";
import type { FinalReportAccepted } from "./eligibility";

/**
 * INTEGRATION POINT (decision 099). The officer-reports lane provides
 * `features/officer-reports/completion.ts` → `finalReportAccepted(db, placementId)`; it was not on main when this
 * lane was built. Until the integrator replaces the body below with
 *
 *   export { finalReportAccepted } from "@/features/officer-reports/completion";
 *
 * no final report counts as accepted, so the app issues no certificate: failing closed, never certifying a
 * placement whose report nobody accepted. The rule itself (features/certificates/eligibility.ts) and its tests take
 * the predicate as a parameter and do not depend on this file.
 */
export const finalReportAccepted: FinalReportAccepted = async () => false;
