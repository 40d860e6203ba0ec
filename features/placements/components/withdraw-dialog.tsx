import type { ComponentProps } from "react";
import { ClientMessages } from "@/components/client-messages";
import { WithdrawDialog as WithdrawDialogIsland } from "./withdraw-dialog.client";

/** The client component with the catalog namespaces it reads (the root layout does not send them). */
export function WithdrawDialog(props: ComponentProps<typeof WithdrawDialogIsland>) {
  return (
    <ClientMessages namespaces={["placements"]}>
      <WithdrawDialogIsland {...props} />
    </ClientMessages>
  );
}
