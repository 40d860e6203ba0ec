import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { ApproveButton as ApproveButtonIsland } from "./approve-button.client";

/** The client component with the catalog namespaces it reads (the root layout does not send them). */
export function ApproveButton(props: ComponentProps<typeof ApproveButtonIsland>) {
  return (
    <ClientMessages namespaces={["placements", "notices"]}>
      <ApproveButtonIsland {...props} />
    </ClientMessages>
  );
}
