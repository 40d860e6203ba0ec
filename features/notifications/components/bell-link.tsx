"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";

/** Re-reads the count this often while the page is open, and whenever the tab becomes visible again. */
const refreshSeconds = 30;

/**
 * The bell in the header: a link to /notifications with the unread count. The first count comes with the page; it is
 * then kept fresh from /api/notifications/unread, so a notification that arrives while a page is open shows up.
 */
export function BellLink({ initialCount }: { initialCount: number }) {
  const t = useTranslations("notifications");
  // A count fetched since the page came counts only while the page's own count is the one it was fetched against: a
  // new page (after marking read, or navigating) brings a fresher count of its own.
  const [fetched, setFetched] = useState<{ base: number; count: number } | null>(null);
  const count = fetched && fetched.base === initialCount ? fetched.count : initialCount;

  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch("/api/notifications/unread", { cache: "no-store" });
        if (!response.ok) return;
        const body = (await response.json()) as { count?: unknown };
        if (!cancelled && typeof body.count === "number") setFetched({ base: initialCount, count: body.count });
      } catch {
        // Offline or signed out: keep the last count.
      }
    };
    const timer = window.setInterval(refresh, refreshSeconds * 1000);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [initialCount]);

  return (
    <a
      href="/notifications"
      aria-label={count > 0 ? t("bellUnread", { count }) : t("bell")}
      data-testid="notification-bell"
      className="relative inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-white hover:underline focus-visible:outline-2 focus-visible:outline-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 && (
        <span data-testid="notification-count" className="min-w-5 rounded-full bg-white px-1.5 text-center text-xs font-bold text-brand-800">
          {count}
        </span>
      )}
    </a>
  );
}
