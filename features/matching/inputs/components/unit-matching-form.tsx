import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { UnitMatchingForm as UnitMatchingFormIsland } from "./unit-matching-form.client";

/** The client form with the catalog namespace it reads. */
export function UnitMatchingForm(props: ComponentProps<typeof UnitMatchingFormIsland>) {
  return (
    <ClientMessages namespaces={["matchingInputs"]}>
      <UnitMatchingFormIsland {...props} />
    </ClientMessages>
  );
}
