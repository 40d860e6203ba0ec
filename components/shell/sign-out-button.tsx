"use client";

import { signOut } from "next-auth/react";

/**
 * Signs out, then opens the sign-in page of the host in use. next-auth's own redirect would build the address from
 * NEXTAUTH_URL, which sends someone who reached the app under another name (127.0.0.1, an internal host name) to a
 * different origin, without their cookies.
 */
export function SignOutButton({ label }: { label: string }) {
  async function signOutHere() {
    await signOut({ redirect: false });
    // A full load, not a client navigation: nothing of the signed-in pages stays in the router cache.
    window.location.assign(new URL("/login", window.location.href));
  }
  return (
    <button type="button" onClick={() => void signOutHere()} className="rounded px-2 py-1 text-sm text-white underline hover:bg-brand-800">
      {label}
    </button>
  );
}
