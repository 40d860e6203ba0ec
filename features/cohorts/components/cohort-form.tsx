import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { CohortForm as CohortFormIsland } from "./cohort-form.client";

/** The client component with the catalog namespaces it reads (the root layout does not send them). */
export function CohortForm(props: ComponentProps<typeof CohortFormIsland>) {
  return (
    <ClientMessages namespaces={["cohorts"]}>
      <CohortFormIsland {...props} />
    </ClientMessages>
  );
}
