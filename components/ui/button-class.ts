import { clsx } from "clsx";

export type ButtonVariant = "primary" | "secondary" | "danger";
export type ButtonSize = "default" | "small";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

const sizes: Record<ButtonSize, string> = {
  default: "px-4 py-2",
  small: "px-3 py-1.5",
};

/** The classes of a button, for the rare element that must look like one without being a Button (e.g. a <summary>). */
export function buttonClass({ variant = "primary", size = "default", className }: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}): string {
  return clsx("inline-flex items-center justify-center rounded text-sm font-semibold", variants[variant], sizes[size], className);
}
