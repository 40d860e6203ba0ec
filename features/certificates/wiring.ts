import "server-only";
import { finalReportAccepted as acceptedByOfficerReports } from "@/features/officer-reports/completion";
import type { FinalReportAccepted } from "./eligibility";

/**
 * The certificate rule's "final report accepted" part (decision 099) comes from the officer reports: the sending side
 * accepting the latest revision of the placement's FINAL report.
 */
export const finalReportAccepted: FinalReportAccepted = acceptedByOfficerReports;
