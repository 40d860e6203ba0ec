import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { SettingsForm as SettingsFormIsland } from "./settings-form.client";

/** The client form with the catalog namespace it reads. */
export function SettingsForm(props: ComponentProps<typeof SettingsFormIsland>) {
  return (
    <ClientMessages namespaces={["matchingInputs"]}>
      <SettingsFormIsland {...props} />
    </ClientMessages>
  );
}
