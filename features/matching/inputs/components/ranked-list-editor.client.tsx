"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { foldHanScript } from "@/lib/han-folding";

export interface RankedItem {
  id: string;
  /** The name the list shows and the buttons name. */
  label: string;
  /** A second line that informs the choice (a unit's fields, an officer's rank and department). */
  detail: string;
}

interface RankedListEditorProps {
  /** The form field each chosen id is sent under, in rank order. */
  name: string;
  /** Heading ids: the chosen list's and the search's labels. */
  idPrefix: string;
  chosenTitle: string;
  initial: RankedItem[];
  choices: RankedItem[];
  max: number;
  error?: string;
  /** For a second list on one page: its own search label and choices region name (defaults: "Find to add", "Choices to add"). */
  searchLabel?: string;
  availableLabel?: string;
}

type Focus = { id: string; action: "up" | "down" | "remove" | "add" } | null;

const smallButton = buttonClass({ variant: "secondary", size: "small", className: "disabled:opacity-50" });

/** What the search compares: case and Traditional/Simplified script folded away, so 規劃 finds 规划. */
const searchable = (text: string) => foldHanScript(text.toLocaleLowerCase());

/**
 * A ranked list edited without dragging: add from a searchable list, move up or down and remove with buttons (each
 * named with its item, all keyboard operable), the new order announced. The chosen ids go with the form as hidden
 * fields in rank order.
 */
export function RankedListEditor({ name, idPrefix, chosenTitle, initial, choices, max, error, searchLabel, availableLabel }: RankedListEditorProps) {
  const t = useTranslations("matchingInputs.ranked");
  const [chosen, setChosen] = useState<RankedItem[]>(initial);
  const [query, setQuery] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [focus, setFocus] = useState<Focus>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focus) return;
    const target = buttons.current.get(`${focus.action}:${focus.id}`);
    if (target && !target.disabled) target.focus();
    else if (focus.action === "up") buttons.current.get(`down:${focus.id}`)?.focus();
    else if (focus.action === "down") buttons.current.get(`up:${focus.id}`)?.focus();
    else searchRef.current?.focus();
  }, [focus, chosen]);

  const chosenIds = new Set(chosen.map((item) => item.id));
  const folded = searchable(query.trim());
  const available = useMemo(
    () => choices.filter((item) => !chosenIds.has(item.id) && (folded === "" || searchable(`${item.label} ${item.detail}`).includes(folded))),
    // chosenIds is derived from chosen
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [choices, chosen, folded],
  );
  const isFull = chosen.length >= max;

  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  function move(index: number, step: -1 | 1) {
    const next = [...chosen];
    const [item] = next.splice(index, 1);
    next.splice(index + step, 0, item);
    setChosen(next);
    setAnnouncement(t("moved", { name: item.label, position: index + step + 1 }));
    setFocus({ id: item.id, action: step === -1 ? "up" : "down" });
  }

  function remove(index: number) {
    const item = chosen[index];
    const next = chosen.filter((_, position) => position !== index);
    setChosen(next);
    setAnnouncement(t("removed", { name: item.label }));
    const neighbour = next[Math.min(index, next.length - 1)];
    setFocus(neighbour ? { id: neighbour.id, action: "remove" } : { id: "", action: "add" });
  }

  function add(item: RankedItem) {
    if (isFull) return;
    setChosen([...chosen, item]);
    setAnnouncement(t("added", { name: item.label, position: chosen.length + 1 }));
    setFocus(null);
    searchRef.current?.focus();
  }

  return (
    <div className="flex min-w-0 flex-col gap-4">
      <div>
        <h3 id={`${idPrefix}-chosen`} className="font-semibold">
          {chosenTitle}
        </h3>
        {error && (
          <p id={`${idPrefix}-error`} className="text-sm text-red-700">
            {error}
          </p>
        )}
        {chosen.map((item) => (
          <input key={item.id} type="hidden" name={name} value={item.id} />
        ))}
        {chosen.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <ol aria-labelledby={`${idPrefix}-chosen`} aria-describedby={error ? `${idPrefix}-error` : undefined} className="mt-2 flex flex-col gap-2" data-testid={`${idPrefix}-list`}>
            {chosen.map((item, index) => (
              <li key={item.id} className="flex flex-wrap items-center gap-2 rounded border border-slate-300 bg-white p-3">
                <span className="w-6 shrink-0 font-semibold" aria-hidden="true">
                  {index + 1}.
                </span>
                <span className="min-w-0 flex-1 basis-48">
                  <span className="block break-words font-medium">{item.label}</span>
                  <span className="block break-words text-sm text-slate-700">{item.detail}</span>
                </span>
                <span className="flex flex-wrap gap-1">
                  <button type="button" className={smallButton} ref={register(`up:${item.id}`)} disabled={index === 0} aria-label={t("moveUp", { name: item.label })} onClick={() => move(index, -1)}>
                    ↑ <span className="sr-only sm:not-sr-only">{t("up")}</span>
                  </button>
                  <button type="button" className={smallButton} ref={register(`down:${item.id}`)} disabled={index === chosen.length - 1} aria-label={t("moveDown", { name: item.label })} onClick={() => move(index, 1)}>
                    ↓ <span className="sr-only sm:not-sr-only">{t("down")}</span>
                  </button>
                  <button type="button" className={smallButton} ref={register(`remove:${item.id}`)} aria-label={t("remove", { name: item.label })} onClick={() => remove(index)}>
                    {t("removeShort")}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
      <div className="flex min-w-0 flex-col gap-2">
        <label htmlFor={`${idPrefix}-search`} className="text-sm font-medium text-slate-800">
          {searchLabel ?? t("searchLabel")}
        </label>
        <p id={`${idPrefix}-search-hint`} className="text-sm text-slate-600">
          {isFull ? t("full", { max }) : t("searchHint", { max })}
        </p>
        <input
          ref={searchRef}
          id={`${idPrefix}-search`}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-describedby={`${idPrefix}-search-hint`}
          className="max-w-full rounded border border-slate-500 bg-white px-3 py-2 text-base"
          autoComplete="off"
        />
        {available.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noMatches")}</p>
        ) : (
          <ScrollRegion label={availableLabel ?? t("availableLabel")} className="max-h-96 overflow-y-auto px-3">
          <ul className="flex flex-col gap-1">
            {available.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-2 border-b border-slate-200 py-2">
                <span className="min-w-0 flex-1 basis-48">
                  <span className="block break-words">{item.label}</span>
                  <span className="block break-words text-sm text-slate-700">{item.detail}</span>
                </span>
                <Button type="button" variant="secondary" size="small" disabled={isFull} aria-label={t("add", { name: item.label })} onClick={() => add(item)}>
                  {t("addShort")}
                </Button>
              </li>
            ))}
          </ul>
          </ScrollRegion>
        )}
      </div>
    </div>
  );
}
