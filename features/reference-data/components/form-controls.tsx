// Form primitives the shared components/ui does not have yet (select, checkbox group, checkbox). Same contract as
// components/ui/text-field: a visible label, the error tied to the control with aria-describedby.

interface Option {
  value: string;
  label: string;
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={`${id}-hint`} className="text-sm text-slate-600">
      {text}
    </p>
  ) : null;
}

function ErrorText({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={`${id}-error`} className="text-sm text-red-700">
      {text}
    </p>
  ) : null;
}

export function SelectField({
  name,
  label,
  options,
  error,
  hint,
  defaultValue,
  placeholder,
  required,
  id = `field-${name}`,
  className = "",
}: {
  name: string;
  label: string;
  options: Option[];
  error?: string;
  hint?: string;
  defaultValue?: string;
  /** A first, empty choice ("Choose…" / "Any"). */
  placeholder?: string;
  required?: boolean;
  id?: string;
  className?: string;
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <Hint id={id} text={hint} />
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`rounded border bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-500"}`}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={id} text={error} />
    </div>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
  error,
  hint,
  id = `field-${name}`,
}: {
  name: string;
  legend: string;
  options: Option[];
  defaultValues?: string[];
  error?: string;
  hint?: string;
  id?: string;
}) {
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <Hint id={id} text={hint} />
      <div className="flex flex-wrap gap-x-5 gap-y-2 pt-1">
        {options.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={option.value} defaultChecked={defaultValues.includes(option.value)} className="h-4 w-4" />
            {option.label}
          </label>
        ))}
      </div>
      <ErrorText id={id} text={error} />
    </fieldset>
  );
}

export function CheckboxField({ name, label, defaultChecked, hint, id = `field-${name}` }: { name: string; label: string; defaultChecked?: boolean; hint?: string; id?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
        <input id={id} type="checkbox" name={name} value="true" defaultChecked={defaultChecked} aria-describedby={describedBy(id, hint)} className="h-4 w-4" />
        {label}
      </label>
      <Hint id={id} text={hint} />
    </div>
  );
}
