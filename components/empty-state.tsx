import { cn } from "@/lib/cn";

export function EmptyState({ message, className }: { message: string; className?: string }) {
  return <p className={cn("rounded border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700", className)}>{message}</p>;
}
