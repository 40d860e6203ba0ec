/** The recovery codes, shown once: a plain list the user can copy or print. */
export function RecoveryCodesList({ codes, label }: { codes: readonly string[]; label: string }) {
  return (
    <ul aria-label={label} className="grid max-w-md grid-cols-2 gap-x-6 gap-y-1 rounded border border-slate-300 bg-white p-4 font-mono text-base" data-testid="recovery-codes">
      {codes.map((code) => (
        <li key={code}>{code}</li>
      ))}
    </ul>
  );
}
