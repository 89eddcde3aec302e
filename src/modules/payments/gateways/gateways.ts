// Links to the payment step. The sandbox has its own page with Pay / Fail
// buttons; every other gateway's attempt is shown by the generic pay page
// (redirect, QR code or auto-submitted form, from the payment's stored action).
import type { Services } from '../../shared/context.ts';

export function paymentUrl(s: Services, gateway: string, paymentId: string): string {
  return gateway === 'sandbox' ? `${s.config.publicUrl}/pay/sandbox/${paymentId}` : `${s.config.publicUrl}/pay/${paymentId}`;
}
