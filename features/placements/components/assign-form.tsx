import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { AssignForm as AssignFormIsland } from "./assign-form.client";

/** The client component with the catalog namespaces it reads (the root layout does not send them). */
export function AssignForm(props: ComponentProps<typeof AssignFormIsland>) {
  return (
    <ClientMessages namespaces={["placements"]}>
      <AssignFormIsland {...props} />
    </ClientMessages>
  );
}
