import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { decodeFlash, flashCookieName } from "@/lib/notice/flash";
import { NoticeRegion } from "./notice";

/** The app shell's notice region, given the flash notice a redirecting action left for this render (decision 056). */
export async function NoticeArea() {
  const [store, t] = await Promise.all([cookies(), getTranslations("notices")]);
  return <NoticeRegion flash={decodeFlash(store.get(flashCookieName)?.value)} dismissLabel={t("dismiss")} />;
}
