import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { PreferencesForm as PreferencesFormIsland } from "./preferences-form.client";

/** The client form with the catalog namespace it reads. */
export function PreferencesForm(props: ComponentProps<typeof PreferencesFormIsland>) {
  return (
    <ClientMessages namespaces={["matchingInputs"]}>
      <PreferencesFormIsland {...props} />
    </ClientMessages>
  );
}
