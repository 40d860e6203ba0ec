"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "@/lib/i18n/client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { NominateDialogProps } from "./nominate-dialog.client";

// The dialog (Radix Dialog and the picker) is about 10 kB of compressed script that most board visits never use:
// it is fetched when the coordinator first presses the button, not with the page (issue 12 §1 script budget).
const LazyNominateDialog = dynamic(() => import("./nominate-dialog.client").then((module) => module.NominateDialog), {
  ssr: false,
  loading: () => <OpenButtonPlaceholder />,
});

function OpenButtonPlaceholder() {
  const t = useTranslations("nominate");
  return (
    <Button type="button" disabled aria-disabled aria-busy>
      {t("open")}
    </Button>
  );
}

/** The board's "Nominate officers…" button; the first press loads the dialog and opens it. */
export function NominateDialogLoader(props: Omit<NominateDialogProps, "initiallyOpen">) {
  const t = useTranslations("nominate");
  const [requested, setRequested] = useState(false);
  if (requested) return <LazyNominateDialog {...props} initiallyOpen />;
  return (
    <Button type="button" onClick={() => setRequested(true)}>
      {t("open")}
    </Button>
  );
}
