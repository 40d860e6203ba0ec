import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { knownKinds, notificationTranslator, renderNotification, type NotificationParams } from "./render";

// Every kind of notification has its sentence in all three languages, with every value filled in.
const params: NotificationParams = {
  officer: "LAM Ka-yan, Karen",
  staffNumber: "S-1234",
  cohort: { nameEn: "Shenzhen exchange", nameZhHant: "深港交流", nameZhHans: "深港交流" },
  hostUnit: { nameEn: "Qianhai Authority", nameZhHant: "前海管理局", nameZhHans: "前海管理局" },
  side: "host",
  reason: "Posting changed",
  changes: ["dates", "post"],
  title: "Site visit",
  when: "2026-03-02T02:00:00.000Z",
  days: 7,
  date: "2026-03-09",
  created: 3,
  updated: 1,
  count: 4,
  actor: "CHAN Tai-man",
};

describe("renderNotification", () => {
  for (const locale of locales) {
    it(`renders every kind in ${locale} without a missing message or an empty value`, () => {
      const t = notificationTranslator(locale, loadMessages(locale));
      for (const kind of knownKinds) {
        const { text, details } = renderNotification(t, locale, kind, params);
        expect(text, kind).not.toMatch(/notifications\.|\{|\}/);
        expect(text.length, kind).toBeGreaterThan(5);
        expect(details, kind).toHaveLength(3);
      }
    });
  }

  it("says dates and names in the reader's language", () => {
    const english = renderNotification(notificationTranslator("en", loadMessages("en")), "en", "reminder.arrival", params);
    const chinese = renderNotification(notificationTranslator("zh-Hant", loadMessages("zh-Hant")), "zh-Hant", "reminder.arrival", params);
    expect(english.text).toBe("LAM Ka-yan, Karen arrives at Qianhai Authority in 7 days, on 9 March 2026.");
    expect(chinese.text).toBe("LAM Ka-yan, Karen 將於 7 天後（2026年3月9日）到前海管理局報到。");
    expect(english.details).toEqual(["Changed: dates, post", "Reason: Posting changed", "Staff number: S-1234"]);
  });

  it("says one grouped sentence per save: how many items, by whom (decision 048)", () => {
    const t = notificationTranslator("en", loadMessages("en"));
    const grouped = { officer: params.officer, actor: "CHAN Tai-man", when: "2026-03-09", allDay: true };
    expect(renderNotification(t, "en", "schedule.itemsAdded", { ...grouped, count: 4 }).text).toBe("CHAN Tai-man added 4 items to the schedule of LAM Ka-yan, Karen, the first on 9 March 2026.");
    expect(renderNotification(t, "en", "schedule.itemsAdded", { ...grouped, count: 1 }).text).toBe("CHAN Tai-man added 1 item to the schedule of LAM Ka-yan, Karen, the first on 9 March 2026.");
    // A user removed since keeps the sentence whole.
    expect(renderNotification(t, "en", "schedule.cohortItemRemoved", { cohort: params.cohort, title: "Opening", when: "2026-03-09", allDay: true }).text).toBe(
      "Someone removed “Opening” on 9 March 2026 from the schedule of everyone in Shenzhen exchange.",
    );
  });

  it("falls back to a general sentence for a kind it does not know", () => {
    expect(renderNotification(notificationTranslator("en", loadMessages("en")), "en", "placement.teleported", {}).text).toBe("Something changed on a record you work on.");
  });
});
