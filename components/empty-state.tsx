export function EmptyState({ message }: { message: string }) {
  return <p className="rounded border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">{message}</p>;
}
