// The gateway adapters XiaoPu ships. The sandbox (core contract, DESIGN §12)
// is one of them, configured from the environment rather than by an admin.
import type { GatewayAdapter } from '../gateway-adapter.ts';
import { alipay } from './alipay.ts';
import { epay } from './epay.ts';
import { sandbox } from './sandbox.ts';
import { stripe } from './stripe.ts';
import { usdt } from './usdt.ts';
import { wallet } from './wallet.ts';
import { wechat } from './wechat.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each adapter has its own settings type
const adapters: Record<string, GatewayAdapter<any>> = {
  [alipay.name]: alipay,
  [epay.name]: epay,
  [sandbox.name]: sandbox,
  [stripe.name]: stripe,
  [usdt.name]: usdt,
  [wallet.name]: wallet,
  [wechat.name]: wechat,
};

/** The gateways admins (and, where allowed, shops) configure: every adapter but those set from the environment. */
export const ADAPTER_NAMES: readonly string[] = Object.keys(adapters).filter((name) => !adapters[name]?.fromEnvironment);

export function adapterFor(name: string): GatewayAdapter<unknown> | undefined {
  return Object.hasOwn(adapters, name) ? adapters[name] : undefined;
}
