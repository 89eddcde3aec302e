// A shop's delivery endpoint (delivery `webhook`) on a free local port: it
// verifies every call with the `standardwebhooks` library (an independent
// implementation of the signature) and answers by a script — one answer per
// call, the last repeated.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Answer = { status: number; body: string } | 'hang';

export interface DeliveryEndpoint {
  url: string;
  calls: Array<{ verified: boolean; id: string; body: { data: { order: { id: string }; item: { quantity: number }; test: boolean } } | null }>;
  script: Answer[];
  secret: string;
  close(): Promise<void>;
}

export async function startDeliveryEndpoint(): Promise<DeliveryEndpoint> {
  const ep: DeliveryEndpoint = { url: '', calls: [], script: [], secret: '', close: async () => {} };
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString('utf8'); });
    req.on('end', () => {
      let verified = false;
      let body = null;
      try {
        body = new Webhook(ep.secret).verify(raw, {
          'webhook-id': String(req.headers['webhook-id']), 'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        }) as DeliveryEndpoint['calls'][number]['body'];
        verified = true;
      } catch { /* recorded as unverified */ }
      ep.calls.push({ verified, id: String(req.headers['webhook-id']), body });
      const answer = ep.script[Math.min(ep.calls.length - 1, ep.script.length - 1)] ?? { status: 500, body: '' };
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  ep.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/deliver`;
  ep.close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  return ep;
}
