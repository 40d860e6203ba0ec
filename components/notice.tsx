"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { decodeFlash, flashCookieName, type FlashNotice } from "@/lib/notice/flash";

// The one place the app says what an action did (decision 056). A polite live region that is always in the page, so
// screen readers announce each new message; it holds one message at a time, so a new action replaces (never stacks
// on) the last one, and it is cleared when the next action starts or the user moves to another page.

/** A follow-up offered with the message, e.g. "Undo my approval". */
export interface NoticeAction {
  label: string;
  /** Names the record for screen readers when the label alone would not. */
  accessibleLabel?: string;
  run: () => void;
}

interface ShownNotice extends FlashNotice {
  /** Set when the action navigates after it succeeds: the message survives that one navigation. */
  carry: boolean;
  tone: "success" | "error";
  action?: NoticeAction;
}

let current: ShownNotice | null = null;
let sequence = 0;
const listeners = new Set<() => void>();

function emit(next: ShownNotice | null) {
  current = next;
  for (const listener of listeners) listener();
}

/** Shows what an action did; `carry` keeps it across the navigation the action starts next. */
export function publishNotice(message: string, options: { carry?: boolean; tone?: "success" | "error"; action?: NoticeAction } = {}) {
  sequence += 1;
  emit({ id: `local-${sequence}`, message, carry: options.carry ?? false, tone: options.tone ?? "success", action: options.action });
}

/** An action is starting: the last one's message must not linger into it. */
export function clearNotice() {
  if (current) emit(null);
}

const tones = {
  success: "border-green-700 bg-green-50 text-green-900",
  error: "border-red-700 bg-red-50 text-red-800",
} as const;

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function deleteFlashCookie() {
  document.cookie = `${flashCookieName}=; Path=/; Max-Age=0; SameSite=Lax`;
}

function readFlashCookie(): FlashNotice | null {
  const entry = document.cookie.split("; ").find((part) => part.startsWith(`${flashCookieName}=`));
  if (!entry) return null;
  // Next writes cookie values URI-encoded (on top of the flash's own encoding); the server's cookies() undoes that layer.
  try {
    return decodeFlash(decodeURIComponent(entry.slice(flashCookieName.length + 1)));
  } catch {
    return null;
  }
}

/**
 * The live region. `flash` is the notice the server left in the flash cookie (read by the layout on this render:
 * after a redirect or a refresh of the layout); it is shown once and the cookie deleted.
 */
export function NoticeRegion({ flash, dismissLabel }: { flash: FlashNotice | null; dismissLabel: string }) {
  const notice = useSyncExternalStore(subscribe, () => current, () => null);
  const pathname = usePathname();
  const shownFlash = useRef<string | null>(null);
  const lastPath = useRef(pathname);

  // One effect for both causes, so a redirect that brings a flash notice and a new path in the same commit shows the
  // notice instead of clearing it as "another page".
  useEffect(() => {
    const pathChanged = lastPath.current !== pathname;
    lastPath.current = pathname;
    for (const pending of [flash, readFlashCookie()]) {
      if (pending && shownFlash.current !== pending.id) {
        shownFlash.current = pending.id;
        deleteFlashCookie();
        emit({ ...pending, carry: false, tone: "success" });
        return;
      }
    }
    if (!pathChanged) return;
    if (current?.carry) emit({ ...current, carry: false });
    else clearNotice();
  }, [flash, pathname]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="no-print pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4">
      {notice && (
        <div
          className={`pointer-events-auto flex max-w-xl flex-wrap items-start gap-x-3 gap-y-2 rounded border-l-4 px-4 py-3 text-sm shadow-lg ${tones[notice.tone]}`}
          data-notice
          data-tone={notice.tone}
        >
          <p data-notice-text className="min-w-0 flex-1 basis-48 [overflow-wrap:anywhere]">
            {notice.message}
          </p>
          <span className="flex shrink-0 gap-3">
            {notice.action && (
              <button type="button" onClick={notice.action.run} aria-label={notice.action.accessibleLabel} className="rounded px-1 font-semibold underline">
                {notice.action.label}
              </button>
            )}
            <button type="button" onClick={clearNotice} className="rounded px-1 underline">
              {dismissLabel}
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
