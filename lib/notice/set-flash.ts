import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { encodeFlash, flashCookieMaxAgeSeconds, flashCookieName } from "./flash";

/** Leaves `message` for the next render of the app shell (a redirect, or the layout refreshed by revalidatePath). */
export async function setFlashNotice(message: string): Promise<void> {
  (await cookies()).set(flashCookieName, encodeFlash({ id: randomUUID(), message }), {
    path: "/",
    sameSite: "lax",
    maxAge: flashCookieMaxAgeSeconds,
    httpOnly: false,
  });
}
