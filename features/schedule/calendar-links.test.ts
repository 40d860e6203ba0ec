import { describe, expect, it } from "vitest";
import { calendarSubscriptionLinks } from "./calendar-links";

const token = "Abc_def-123456789012345678901234567890123ab";

describe("calendarSubscriptionLinks", () => {
  it("offers webcal://, Google Calendar and Outlook links for the same feed", () => {
    const links = calendarSubscriptionLinks(`https://desk.example.gov.hk/api/calendar/${token}.ics?holidays=none`, "Exchange Desk – LAM Wing-sze");
    expect(links.webcal).toBe(`webcal://desk.example.gov.hk/api/calendar/${token}.ics?holidays=none`);
    const google = new URL(links.google);
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(google.searchParams.get("cid")).toBe(links.webcal);
    const outlook = new URL(links.outlookWork);
    expect(outlook.origin + outlook.pathname).toBe("https://outlook.office.com/calendar/0/addfromweb");
    expect(outlook.searchParams.get("url")).toBe(`https://desk.example.gov.hk/api/calendar/${token}.ics?holidays=none`);
    expect(outlook.searchParams.get("name")).toBe("Exchange Desk – LAM Wing-sze");
    expect(new URL(links.outlookPersonal).origin).toBe("https://outlook.live.com");
  });

  it("keeps the port of a local server and refuses anything but http(s)", () => {
    expect(calendarSubscriptionLinks(`http://127.0.0.1:3107/api/calendar/${token}.ics`, "x").webcal).toBe(`webcal://127.0.0.1:3107/api/calendar/${token}.ics`);
    expect(() => calendarSubscriptionLinks("javascript:alert(1)", "x")).toThrow(RangeError);
  });
});
