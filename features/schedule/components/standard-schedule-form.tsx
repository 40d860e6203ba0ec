"use client";

import { useTranslations } from "@/lib/i18n/client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { TextField } from "@/components/ui/text-field";
import { createStandardScheduleAction } from "../actions";
import { scheduleItemTypes, titleMaxLength } from "../schemas";
import { CheckboxField, SelectField } from "@/components/ui/form-fields";
import { HostHolidayWarning, type HostHoliday } from "./host-holiday-warning";

export interface ProposalRow {
  key: string;
  /** The row's name in the form ("Mid-term check-in"), kept when the user edits the title. */
  heading: string;
  include: boolean;
  type: string;
  title: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endTime: string;
  location: string;
}

/**
 * The proposed standard items of a placement, each editable or left out, saved together. Errors come back keyed by
 * the position among the saved rows ("items.1.title") and are mapped back to the row they belong to.
 */
export function StandardScheduleForm({ placementId, proposals, hostHolidays, hostSideLabel, returnHref }: { placementId: string; proposals: ProposalRow[]; hostHolidays: HostHoliday[]; hostSideLabel: string; returnHref: string }) {
  const t = useTranslations("schedule.standard");
  const form = useTranslations("schedule.form");
  const types = useTranslations("schedule.types");
  const router = useRouter();
  const [rows, setRows] = useState(proposals);
  const [result, setResult] = useState<ActionResult<unknown>>();
  const [rowErrors, setRowErrors] = useState<Record<number, Record<string, string>>>({});
  const [pending, startTransition] = useTransition();

  const update = (index: number, change: Partial<ProposalRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const included = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.include);
    const items = included.map(({ row }) => ({
      type: row.type,
      title: row.title,
      allDay: row.allDay,
      startDate: row.startDate,
      startTime: row.allDay ? "" : row.startTime,
      endTime: row.allDay ? "" : row.endTime,
      location: row.location,
    }));
    startTransition(async () => {
      const answer = await createStandardScheduleAction(undefined, { placementId, items });
      if (answer.ok) {
        router.push(`${returnHref}${returnHref.includes("?") ? "&" : "?"}month=${(items[0]?.startDate ?? "").slice(0, 7)}`);
        return;
      }
      const byRow: Record<number, Record<string, string>> = {};
      for (const [path, message] of Object.entries(answer.fieldErrors ?? {})) {
        const match = /^items\.(\d+)\.(\w+)$/.exec(path);
        if (!match) continue;
        const rowIndex = included[Number(match[1])]?.index;
        if (rowIndex !== undefined) byRow[rowIndex] = { ...byRow[rowIndex], [match[2]]: message };
      }
      setRowErrors(byRow);
      setResult({ ...answer, formError: answer.fieldErrors?.items ?? answer.formError });
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5">
      <FormMessage message={result && !result.ok ? result.formError : undefined} />
      {rows.map((row, index) => {
        const errors = rowErrors[index] ?? {};
        const id = (field: string) => `standard-${index}-${field}`;
        return (
          <fieldset key={row.key} className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-4" data-testid="standard-row">
            <legend className="px-1 font-semibold">{row.heading}</legend>
            <CheckboxField name={`include-${index}`} id={id("include")} label={t("include")} checked={row.include} onChange={(event) => update(index, { include: event.target.checked })} />
            {row.include && (
              <>
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField
                    name={`type-${index}`}
                    id={id("type")}
                    label={form("type")}
                    value={row.type}
                    onChange={(event) => update(index, { type: event.target.value })}
                    error={errors.type}
                    options={scheduleItemTypes.map((type) => ({ value: type, label: types(type) }))}
                  />
                  <TextField name={`title-${index}`} id={id("title")} label={form("title")} value={row.title} onChange={(event) => update(index, { title: event.target.value })} error={errors.title} maxLength={titleMaxLength} />
                </div>
                <CheckboxField name={`allDay-${index}`} id={id("allDay")} label={form("allDay")} checked={row.allDay} onChange={(event) => update(index, { allDay: event.target.checked })} />
                <div className="grid gap-3 sm:grid-cols-3">
                  <TextField name={`startDate-${index}`} id={id("startDate")} type="date" label={form("date")} value={row.startDate} onChange={(event) => update(index, { startDate: event.target.value })} error={errors.startDate} />
                  {!row.allDay && (
                    <>
                      <TextField name={`startTime-${index}`} id={id("startTime")} type="time" label={form("startTime")} value={row.startTime} onChange={(event) => update(index, { startTime: event.target.value })} error={errors.startTime} />
                      <TextField name={`endTime-${index}`} id={id("endTime")} type="time" label={form("endTime")} value={row.endTime} onChange={(event) => update(index, { endTime: event.target.value })} error={errors.endTime} />
                    </>
                  )}
                </div>
                <TextField name={`location-${index}`} id={id("location")} label={form("location")} value={row.location} onChange={(event) => update(index, { location: event.target.value })} error={errors.location} />
                <HostHolidayWarning holidays={hostHolidays} startDate={row.startDate} sideLabel={hostSideLabel} />
              </>
            )}
          </fieldset>
        );
      })}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? form("saving") : t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push(returnHref)}>
          {form("cancel")}
        </Button>
      </div>
    </form>
  );
}
