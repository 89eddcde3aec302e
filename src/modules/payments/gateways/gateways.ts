// The payment step's link (`pay_url`), one rule for every gateway: the
// adapter's own page when the buyer pays on a page of XiaoPu's (the sandbox's
// Pay / Fail page), else the generic pay page, which shows what the gateway
// answered when the payment was opened (redirect, QR code or auto-submitted form).
import type { Services } from '../../shared/context.ts';
import { adapterFor } from './adapters/index.ts';

export function paymentUrl(s: Services, gateway: string, paymentId: string): string {
  return adapterFor(gateway)?.ownPayPage?.(s.config.publicUrl, paymentId) ?? `${s.config.publicUrl}/pay/${paymentId}`;
}
