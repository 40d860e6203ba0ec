import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { clsx } from "clsx";
import { controlClass, describedBy, Field, FieldError, FieldHint } from "./field";

// Form controls beside components/ui/text-field, all on the one Field (label, hint, error, aria-describedby).

export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  name: string;
  label: string;
  options: Choice[];
  error?: string;
  hint?: string;
  /** A first, empty choice ("Choose…" / "Any"). */
  placeholder?: string;
}

export function SelectField({ name, label, options, error, hint, placeholder, id = `field-${name}`, className, ...props }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select name={name} className={controlClass(error)} {...props}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

export function TextAreaField({ name, label, error, hint, id = `field-${name}`, className, ...props }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <textarea name={name} rows={3} className={controlClass(error)} {...props} />
    </Field>
  );
}

interface CheckboxFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
}

export function CheckboxField({ name, label, error, hint, id = `field-${name}`, className, value = "true", ...props }: CheckboxFieldProps) {
  return (
    <div className={clsx("flex min-w-0 max-w-full flex-col gap-1", className)}>
      <div className="flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="checkbox"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="h-5 w-5 rounded border-slate-500"
          {...props}
        />
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      <FieldHint id={id} text={hint} />
      <FieldError id={id} text={error} />
    </div>
  );
}

interface CheckboxGroupProps {
  name: string;
  legend: string;
  options: Choice[];
  defaultValues?: string[];
  error?: string;
  hint?: string;
  id?: string;
}

export function CheckboxGroup({ name, legend, options, defaultValues = [], error, hint, id = `field-${name}` }: CheckboxGroupProps) {
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <FieldHint id={id} text={hint} />
      <div className="flex flex-wrap gap-x-5 gap-y-2 pt-1">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} disabled={option.disabled} className="h-4 w-4" />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={id} text={error} />
    </fieldset>
  );
}
