import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "./holidays";
import { buildIcsCalendar, type IcsItem } from "./ics";
import { instantsFromForm, itemDateRange } from "./time";

const { holidaysOn } = createHolidayCalendar();

function item(id: string, values: Parameters<typeof instantsFromForm>[0], overrides: Partial<IcsItem> = {}): IcsItem {
  const instants = instantsFromForm(values);
  return {
    id,
    title: `Item ${id}`,
    typeLabel: "Site visit",
    location: "Qianhai, Shenzhen",
    notes: null,
    allDay: values.allDay,
    ...instants,
    ...itemDateRange({ allDay: values.allDay, ...instants }),
    version: 3,
    updatedAt: new Date("2026-11-20T02:00:00Z"),
    officerName: null,
    ...overrides,
  };
}

const springFestival = holidaysOn("2024-02-10").map((entry) => ({ entry, label: `${entry.side}: ${entry.name.en}` }));
const input = {
  name: "Exchange Desk – LAM Wing-sze",
  items: [
    item("timed", { allDay: false, startDate: "2024-02-05", startTime: "14:00", endTime: "17:00" }),
    item("allday", { allDay: true, startDate: "2024-03-01", endDate: "2024-03-02" }, { title: "最終報告截止", notes: "Line one\nLine two; with, punctuation" }),
  ],
  holidays: springFestival,
  // Generated before the holiday it lists (2024-02-10): its DTSTAMP must be this, not the holiday's own date.
  generatedAt: new Date("2023-12-01T03:04:05Z"),
};

function events(text: string) {
  return Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === "VEVENT");
}

describe("buildIcsCalendar", () => {
  const text = buildIcsCalendar(input);
  const parsed = events(text);
  const byUid = (uid: string) => parsed.find((event) => event.uid === uid)!;

  it("writes timed items as UTC instants", () => {
    const timed = byUid("timed@exchange-desk");
    expect(timed.start.toISOString()).toBe("2024-02-05T06:00:00.000Z");
    expect(timed.end!.toISOString()).toBe("2024-02-05T09:00:00.000Z");
    expect(text).toContain("DTSTART:20240205T060000Z");
    expect(Number(timed.sequence)).toBe(2);
    expect(timed.location).toBe("Qianhai, Shenzhen");
  });

  it("writes all-day items as DATE values with an exclusive end, keeping Chinese text and line breaks", () => {
    const allDay = byUid("allday@exchange-desk");
    expect(allDay.datetype).toBe("date");
    expect(text).toContain("DTSTART;VALUE=DATE:20240301");
    expect(text).toContain("DTEND;VALUE=DATE:20240303");
    expect(allDay.summary).toBe("最終報告截止");
    expect(allDay.description).toBe("Site visit\nLine one\nLine two; with, punctuation");
  });

  it("adds both sides' holidays as free all-day events with stable UIDs", () => {
    expect(springFestival.map((holiday) => holiday.entry.side)).toEqual(["HK", "MAINLAND"]);
    const hk = byUid("holiday-hk-holiday-2024-02-10@exchange-desk");
    const mainland = byUid("holiday-mainland-holiday-2024-02-10@exchange-desk");
    expect(hk.summary).toBe("HK: Lunar New Year's Day");
    expect(mainland.summary).toBe("MAINLAND: Spring Festival");
    expect(mainland.transparency).toBe("TRANSPARENT");
    expect(mainland.datetype).toBe("date");
  });

  it("stamps holidays with the generation time, not the holiday's (future) date", () => {
    const hk = byUid("holiday-hk-holiday-2024-02-10@exchange-desk");
    expect(hk.dtstamp.toISOString()).toBe("2023-12-01T03:04:05.000Z");
    expect(byUid("timed@exchange-desk").dtstamp.toISOString()).toBe("2026-11-20T02:00:00.000Z");
  });

  it("ends every line with CRLF, the last one after END:VCALENDAR included (RFC 5545 §3.1)", () => {
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("gives identical bytes for unchanged data, so subscribed apps can revalidate cheaply", () => {
    expect(buildIcsCalendar(input)).toBe(text);
    expect(text).toContain("X-WR-CALNAME:Exchange Desk – LAM Wing-sze");
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });
});

describe("calendar description", () => {
  it("says which years have no holiday data, and says nothing when every year is known", () => {
    const missing = buildIcsCalendar({ ...input, description: "Mainland holidays and make-up working days for 2027 are not in the data yet" });
    const unfolded = missing.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("X-WR-CALDESC:Mainland holidays and make-up working days for 2027 are not in the data yet\r\n");
    expect(buildIcsCalendar(input)).not.toContain("X-WR-CALDESC");
  });
});

describe("report due dates", () => {
  const reportsDue = [
    { placementId: "placement1", kind: "MID_TERM" as const, dueOn: "2026-04-12", label: "Mid-term report due" },
    { placementId: "placement1", kind: "FINAL" as const, dueOn: "2026-05-18", label: "總結報告截止" },
  ];
  const text = buildIcsCalendar({ ...input, reportsDue });
  const byUid = (uid: string) => events(text).find((event) => event.uid === uid)!;

  it("writes each as a free all-day DATE event with a stable UID per placement and kind", () => {
    const midTerm = byUid("report-placement1-mid_term@exchange-desk");
    expect(midTerm.summary).toBe("Mid-term report due");
    expect(midTerm.datetype).toBe("date");
    expect(midTerm.transparency).toBe("TRANSPARENT");
    expect(text).toContain("DTSTART;VALUE=DATE:20260412");
    expect(text).toContain("DTEND;VALUE=DATE:20260413");
    expect(byUid("report-placement1-final@exchange-desk").summary).toBe("總結報告截止");
    expect(text).toContain("DTSTART;VALUE=DATE:20260518");
  });

  it("keeps the UID when the due date moves", () => {
    const moved = buildIcsCalendar({ ...input, reportsDue: [{ ...reportsDue[0], dueOn: "2026-04-20" }] });
    expect(moved).toContain("UID:report-placement1-mid_term@exchange-desk");
    expect(moved).toContain("DTSTART;VALUE=DATE:20260420");
    expect(moved).not.toContain("20260412");
  });
});
