import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

// SMTP through nodemailer (docs/decisions/068). Short timeouts: the worker, not the user's request, waits on the
// mail server, but a dead server must fail a delivery attempt quickly so that retries and the dead-letter list work.

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** A transport for an `smtp://` or `smtps://` URL, credentials in the URL (`smtps://user:pass@host:465`). */
export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
}

export async function sendEmail(transport: MailTransport, email: OutgoingEmail): Promise<void> {
  await transport.sendMail({ from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text });
}
