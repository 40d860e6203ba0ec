import { ClientMessages } from "@/components/client-messages";
import { ImportWizard as ImportWizardIsland } from "./import-wizard.client";

/** The client component with the catalog namespaces it reads (the root layout does not send them). */
export function ImportWizard() {
  return (
    <ClientMessages namespaces={["import", "errors"]}>
      <ImportWizardIsland />
    </ClientMessages>
  );
}
