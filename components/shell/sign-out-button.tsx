"use client";

import { signOutAndOpenSignIn } from "@/lib/auth/browser";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => void signOutAndOpenSignIn()} className="rounded px-2 py-1 text-sm text-white underline hover:bg-brand-800">
      {label}
    </button>
  );
}
