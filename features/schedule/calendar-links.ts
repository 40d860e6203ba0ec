/**
 * The ways to subscribe to a feed URL: the https link itself, webcal:// (which opens the system's calendar app:
 * Apple Calendar, Outlook for Windows/Mac) and the "add by URL" pages of Google Calendar and Outlook on the web.
 * Pure, safe in client components. The URL carries the secret token, so these are only built in the browser, from the
 * token the user has just been given (decision 065).
 */
export interface CalendarSubscriptionLinks {
  https: string;
  webcal: string;
  google: string;
  outlookWork: string;
  outlookPersonal: string;
}

export function calendarSubscriptionLinks(feedUrl: string, calendarName: string): CalendarSubscriptionLinks {
  const url = new URL(feedUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new RangeError("A feed URL is http or https");
  const webcal = `webcal://${url.host}${url.pathname}${url.search}`;
  const outlook = (origin: string) => `${origin}/calendar/0/addfromweb?${new URLSearchParams({ url: url.toString(), name: calendarName })}`;
  return {
    https: url.toString(),
    webcal,
    // Google's "add by URL" takes the webcal form in `cid`.
    google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcal })}`,
    outlookWork: outlook("https://outlook.office.com"),
    outlookPersonal: outlook("https://outlook.live.com"),
  };
}
