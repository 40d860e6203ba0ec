import { Slot } from "@radix-ui/react-slot";
import type { ButtonHTMLAttributes } from "react";
import { buttonClass, type ButtonSize, type ButtonVariant } from "./button-class";

// The classes live in ./button-class.ts so that a component needing only them (the error boundary, loaded on every
// page) does not bring Radix's Slot into the browser (decision 053).
export { buttonClass, type ButtonSize, type ButtonVariant };

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Style the single child (a Link, an <a>) as the button instead of rendering a <button>: navigation stays a link. */
  asChild?: boolean;
}

export function Button({ variant, size, asChild = false, className, ...props }: ButtonProps) {
  const Component = asChild ? Slot : "button";
  return <Component className={buttonClass({ variant, size, className })} {...props} />;
}
