// The gateway adapters XiaoPu ships. The sandbox is separate: it is configured
// from the environment and is part of the core contract (DESIGN §12).
import type { GatewayAdapter } from '../gateway-adapter.ts';
import { alipay } from './alipay.ts';
import { epay } from './epay.ts';
import { stripe } from './stripe.ts';
import { usdt } from './usdt.ts';
import { wallet } from './wallet.ts';
import { wechat } from './wechat.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter has its own settings type
const adapters: Record<string, GatewayAdapter<any>> = {
  [alipay.name]: alipay,
  [epay.name]: epay,
  [stripe.name]: stripe,
  [usdt.name]: usdt,
  [wallet.name]: wallet,
  [wechat.name]: wechat,
};

export const ADAPTER_NAMES: readonly string[] = Object.keys(adapters);

export function adapterFor(name: string): GatewayAdapter<unknown> | undefined {
  return Object.hasOwn(adapters, name) ? adapters[name] : undefined;
}
