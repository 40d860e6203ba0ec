// The flash cookie that carries an action's notice across a redirect or a re-render of the layout (decision 056):
// written by the server action, read by the app layout on the next render, deleted by the notice region once shown.
// Not httpOnly: the browser deletes it after showing it, so the message is read once. It holds only the message text.

export const flashCookieName = "exchange-desk-notice";
/** Long enough for a redirect to land, short enough that an unread notice does not surface on a later visit. */
export const flashCookieMaxAgeSeconds = 60;

export interface FlashNotice {
  /** Distinguishes two equal messages in a row, so the second one is announced too. */
  id: string;
  message: string;
}

export function encodeFlash(notice: FlashNotice): string {
  return encodeURIComponent(JSON.stringify(notice));
}

export function decodeFlash(value: string | undefined | null): FlashNotice | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { id, message } = parsed as Record<string, unknown>;
    if (typeof id !== "string" || typeof message !== "string" || message.length === 0 || message.length > 1000) return null;
    return { id, message };
  } catch {
    return null;
  }
}
