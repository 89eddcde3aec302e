// The buyer's wallet (余额支付) as a gateway: enabled by the admin like any
// other, but paid inside XiaoPu — the checkout debits the balance and settles
// the order in one transaction (see flows/place-order.ts). It has no
// settings, no notify and no gateway to call.
import { z } from 'zod';
import { GatewayError, plainTextAnswer, type GatewayAdapter } from '../gateway-adapter.ts';

export const wallet: GatewayAdapter<Record<string, never>> = {
  name: 'wallet',
  title: 'Wallet balance · 余额',
  settingsSchema: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  secretFields: [],
  methods: [],
  internal: true,
  createPayment: () => Promise.reject(new GatewayError('The wallet is paid at checkout, not through a gateway.')),
  verifyNotify: () => ({ ok: false, reason: 'wallet_has_no_notify' }),
  answer: plainTextAnswer('success'),
};
