import { Slot } from "@radix-ui/react-slot";
import { clsx } from "clsx";

// One home for how a form control is labelled, hinted and faulted: a visible label, the hint and the error tied to
// the control with aria-describedby, aria-invalid while there is an error. Every *Field component is built on it.

/** The ids a control's hint and error get; extra ids (a hint shared by several controls) come first. */
export function describedBy(id: string, hint?: string, error?: string, extra?: string): string | undefined {
  return [extra, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export const controlClass = (error?: string) => clsx("max-w-full rounded border bg-white px-3 py-2 text-base", error ? "border-red-700" : "border-slate-500");

export function FieldHint({ id, text, className }: { id: string; text?: string; className?: string }) {
  return text ? (
    <p id={`${id}-hint`} className={clsx("text-sm text-slate-600", className)}>
      {text}
    </p>
  ) : null;
}

export function FieldError({ id, text, className }: { id: string; text?: string; className?: string }) {
  return text ? (
    <p id={`${id}-error`} className={clsx("text-sm text-red-700", className)}>
      {text}
    </p>
  ) : null;
}

/**
 * A label, an optional hint, the one control given as the child, and an optional error. The control receives its id,
 * aria-describedby and aria-invalid from here (as shadcn/ui's FormControl does, through Radix Slot); a control that
 * sets aria-describedby itself keeps its own.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  labelClassName,
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: string;
  error?: string;
  className?: string;
  labelClassName?: string;
  children: React.ReactElement;
}) {
  return (
    <div className={clsx("flex min-w-0 max-w-full flex-col gap-1", className)}>
      <label htmlFor={id} className={clsx("text-sm font-medium text-slate-800", labelClassName)}>
        {label}
      </label>
      <FieldHint id={id} text={hint} />
      <Slot id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        {children}
      </Slot>
      <FieldError id={id} text={error} />
    </div>
  );
}
