import { ClientMessages } from "@/components/client-messages";
import { nominateOfficersAction } from "../actions";
import { NominateDialogLoader } from "./nominate-dialog-loader.client";

/** The board's "Nominate officers…" button and its dialog, with the one small catalog namespace it reads. */
export function NominateDialog({ cohortId }: { cohortId: string }) {
  return (
    <ClientMessages namespaces={["nominate"]}>
      <NominateDialogLoader action={nominateOfficersAction} cohortId={cohortId} />
    </ClientMessages>
  );
}
