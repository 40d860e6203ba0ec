"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { useSendAction } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { clearNotice, publishNotice } from "@/components/notice";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { createScheduleItemAction, updateScheduleItemAction } from "../actions";
import { locationMaxLength, notesMaxLength, scheduleItemTypes, titleMaxLength } from "../schemas";
import { CheckboxField, SelectField, TextAreaField } from "@/components/ui/form-fields";
import { HostHolidayWarning, type HostHoliday } from "./host-holiday-warning";

export interface ItemFormValues {
  type: string;
  title: string;
  location: string;
  notes: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

interface ItemFormProps {
  /** Hidden fields naming what is saved: { placementId } or { cohortId } for a new item, { id, version } for an edit. */
  target: Record<string, string>;
  mode: "create" | "edit";
  initial: ItemFormValues;
  hostHolidays: HostHoliday[];
  hostSideLabel: string;
  /** Where to go after saving; the saved item's month is added as ?month=. */
  returnHref: string;
}

/**
 * Adds or changes one schedule item. Submitted without resetting the form, so what the user typed stays when the
 * server answers with errors; each error is shown next to its field.
 */
export function ItemForm({ target, mode, initial, hostHolidays, hostSideLabel, returnHref }: ItemFormProps) {
  const t = useTranslations("schedule.form");
  const types = useTranslations("schedule.types");
  const router = useRouter();
  const send = useSendAction();
  const [result, setResult] = useState<ActionResult<unknown>>();
  const [pending, startTransition] = useTransition();
  const [allDay, setAllDay] = useState(initial.allDay);
  const [startDate, setStartDate] = useState(initial.startDate);
  const [endDate, setEndDate] = useState(initial.endDate);
  const errors = (result && !result.ok && result.fieldErrors) || {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    clearNotice();
    startTransition(async () => {
      const action = mode === "create" ? createScheduleItemAction : updateScheduleItemAction;
      const answer = await send(action, formData);
      if (answer.ok) {
        if (answer.notice) publishNotice(answer.notice, { carry: true });
        const separator = returnHref.includes("?") ? "&" : "?";
        router.push(`${returnHref}${separator}month=${startDate.slice(0, 7)}`);
        return;
      }
      setResult(answer);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-4" aria-describedby={result && !result.ok ? "item-form-error" : undefined}>
      <div id="item-form-error">
        <FormMessage message={result && !result.ok ? result.formError : undefined} />
      </div>
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SelectField name="type" label={t("type")} defaultValue={initial.type} error={errors.type} options={scheduleItemTypes.map((type) => ({ value: type, label: types(type) }))} />
      <TextField name="title" label={t("title")} defaultValue={initial.title} error={errors.title} required maxLength={titleMaxLength} />
      <CheckboxField name="allDay" label={t("allDay")} checked={allDay} onChange={(event) => setAllDay(event.target.checked)} error={errors.allDay} />
      <fieldset className="flex flex-col gap-3 rounded border border-slate-300 p-3">
        <legend className="px-1 text-sm font-semibold">{t("when")}</legend>
        <p className="text-sm text-slate-700">{t("timeZoneHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField name="startDate" type="date" label={t("startDate")} value={startDate} onChange={(event) => setStartDate(event.target.value)} error={errors.startDate} required />
          {!allDay && <TextField name="startTime" type="time" label={t("startTime")} defaultValue={initial.startTime} error={errors.startTime} required />}
          <TextField name="endDate" type="date" label={t("endDate")} hint={t("endDateHint")} value={endDate} onChange={(event) => setEndDate(event.target.value)} error={errors.endDate} />
          {!allDay && <TextField name="endTime" type="time" label={t("endTime")} defaultValue={initial.endTime} error={errors.endTime} required />}
        </div>
        <HostHolidayWarning holidays={hostHolidays} startDate={startDate} endDate={endDate} sideLabel={hostSideLabel} />
      </fieldset>
      <TextField name="location" label={t("location")} defaultValue={initial.location} error={errors.location} maxLength={locationMaxLength} />
      <TextAreaField name="notes" label={t("notes")} defaultValue={initial.notes} error={errors.notes} maxLength={notesMaxLength} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : mode === "create" ? t("create") : t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push(returnHref)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
