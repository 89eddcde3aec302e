// A real SMTP server on a free local port that keeps what it receives, for
// the email tests: `url` goes into XIAOPU_SMTP_URL, `inbox` fills as mail arrives.
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Mail { from: string; to: string; subject: string; text: string }

export interface SmtpSink { url: string; inbox: Mail[]; close(): Promise<void> }

export async function startSmtpSink(): Promise<SmtpSink> {
  const inbox: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        const to = (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).map((a) => a.text).join(', ');
        inbox.push({ from: m.from?.text ?? '', to, subject: m.subject ?? '', text: m.text ?? '' });
        done();
      }, done);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, inbox, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Polls until `f` returns something (a mail arrived), or fails after `ms`. */
export async function waitFor<T>(f: () => T | undefined, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
