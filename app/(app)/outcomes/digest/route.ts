import { defineRoute } from "@/lib/route";
import { outcomesDigestRoute } from "@/features/outcomes-digest/route";

// The outcomes library of one cohort as a PDF digest (decision 114); streamed and audited.
export const dynamic = "force-dynamic";

export const GET = defineRoute(outcomesDigestRoute);
