import type { InputHTMLAttributes } from "react";
import { controlClass, Field } from "./field";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ name, label, error, hint, id = `field-${name}`, className, ...props }: TextFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <input name={name} className={controlClass(error)} {...props} />
    </Field>
  );
}
