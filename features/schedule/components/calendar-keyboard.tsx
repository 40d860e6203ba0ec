"use client";

import { useRouter } from "next/navigation";
import type { KeyboardEvent, ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * The focusable calendar region: Page Up / Page Down switch to the previous / next month (as in the ARIA date-picker
 * pattern). The region keeps focus across the switch, so a keyboard user can page through months in place; the
 * month links above do the same for everyone.
 */
export function CalendarKeyboard({ previousHref, nextHref, label, children }: { previousHref: string; nextHref: string; label: string; children: ReactNode }) {
  const router = useRouter();
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "PageUp" && event.key !== "PageDown") return;
    event.preventDefault();
    router.push(event.key === "PageUp" ? previousHref : nextHref, { scroll: false });
  }
  return (
    <ScrollRegion label={label} aria-keyshortcuts="PageUp PageDown" onKeyDown={onKeyDown} className="print:overflow-visible print:border-0" data-testid="month-calendar">
      {children}
    </ScrollRegion>
  );
}
