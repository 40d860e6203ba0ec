"use client";

import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { loadCoordinatorPanelsAction } from "../actions";

/**
 * Shows its children (the panels' headings with "Loading…") until it comes within 200 px of the viewport, then
 * asks the server for the panels once and shows them instead (decision 113). The page request so does none of
 * their work: a phone that never scrolls down never pays for them.
 */
export function LazyCoordinatorPanels({ hostCohortId, children }: { hostCohortId?: string; children: ReactNode }) {
  const t = useTranslations("dashboardHome.panels");
  const placeholder = useRef<HTMLDivElement>(null);
  const [panels, setPanels] = useState<ReactNode>(null);
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const node = placeholder.current;
    if (!node) return;
    let started = false;
    const load = () => {
      if (started) return;
      started = true;
      observer.disconnect();
      startTransition(async () => {
        const result = await loadCoordinatorPanelsAction(null, hostCohortId === undefined ? {} : { hostCohort: hostCohortId });
        if (result.ok) setPanels(result.data);
        else setError(result.formError);
      });
    };
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && load(), { rootMargin: "200px 0px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [hostCohortId, attempt]);

  if (panels) return <div className="flex flex-col gap-8" data-testid="dashboard-panels">{panels}</div>;
  return (
    <div ref={placeholder} className="flex flex-col gap-8" data-testid="dashboard-panels-placeholder" aria-busy={pending}>
      {error ? (
        <div className="flex flex-col items-start gap-3">
          <FormMessage message={error} />
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setError(undefined);
              setAttempt((count) => count + 1);
            }}
          >
            {t("retry")}
          </Button>
        </div>
      ) : (
        children
      )}
    </div>
  );
}
