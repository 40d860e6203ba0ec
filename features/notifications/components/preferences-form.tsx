"use client";

import { SelectField, type Choice } from "@/components/ui/form-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveNotificationPreferencesAction } from "../actions";

interface PreferencesFormProps {
  categories: { name: string; label: string; value: string }[];
  deliveries: Choice[];
  labels: { save: string };
}

/** One choice per category: email at once, in the daily digest, or in the app only. */
export function PreferencesForm({ categories, deliveries, labels }: PreferencesFormProps) {
  // What happened is the action's notice, said in the app's one notice region like every other action's.
  const { formRef, onSubmit, pending, formError, fieldError } = useActionForm(saveNotificationPreferencesAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4">
      <FormMessage message={formError} />
      {categories.map((category) => (
        <SelectField key={category.name} name={category.name} label={category.label} options={deliveries} defaultValue={category.value} error={fieldError(category.name)} />
      ))}
      <div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {labels.save}
        </Button>
      </div>
    </form>
  );
}
