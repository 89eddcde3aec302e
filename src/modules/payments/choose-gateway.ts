// Which gateway a checkout pays through: the buyer's choice, if the platform
// has it enabled, the shop offers it, and it takes this currency and amount.
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../shared/context.ts';
import { environmentGatewayConfig, gatewayFee, loadGatewayConfig, type GatewayConfig } from './gateways/gateway-configs.ts';
import { usableConfigs } from './list-shop-gateways.ts';

export interface ChosenGateway {
  gateway: string;
  method: string | null;
  /** Paid by the buyer on top of the order total. */
  fee: number;
  config: GatewayConfig;
}

const unavailable = (name: string): AppError =>
  new AppError(422, 'gateway_unavailable', `The payment gateway "${name}" is not available for this shop.`, 'invalid_request_error', 'gateway');

export async function chooseGateway(
  s: Services,
  /** The shop paid (its own gateway accounts count), or null for a wallet top-up (platform gateways only). */
  shop: { id: string | null; gateways: string[] | null },
  input: { gateway: string; method?: string },
  currency: string,
  total: number,
): Promise<ChosenGateway> {
  const name = input.gateway;
  if (shop.gateways !== null && !shop.gateways.includes(name)) throw unavailable(name);
  // A gateway set from the environment (the sandbox) needs no lookup; every shop may use it when it is on.
  const config = environmentGatewayConfig(s, name) ?? (shop.id === null
    ? await loadGatewayConfig(s.database.pool, s.keyring, name)
    : (await usableConfigs(s, shop.id, name)).get(name));
  if (!config?.enabled) throw unavailable(name);
  const { adapter } = config;
  if (adapter.currencies && !adapter.currencies.includes(currency)) {
    throw new AppError(422, 'currency_not_supported', `${adapter.title} does not take ${currency}.`, 'invalid_request_error', 'gateway');
  }
  let method: string | null = null;
  if (config.methods.length > 0) {
    method = input.method ?? config.methods[0] ?? null;
    if (method === null || !config.methods.includes(method)) {
      throw new AppError(422, 'validation_error', `method must be one of ${config.methods.join(', ')}`, 'invalid_request_error', 'method');
    }
  }
  const fee = gatewayFee(config, total);
  const amount = total + fee;
  if ((config.minAmount !== null && amount < config.minAmount) || (config.maxAmount !== null && amount > config.maxAmount)) {
    throw new AppError(422, 'amount_out_of_range',
      `${adapter.title} takes payments between ${config.minAmount ?? 0} and ${config.maxAmount ?? 'any'} (minor units); this one is ${amount}.`,
      'invalid_request_error', 'gateway');
  }
  return { gateway: name, method, fee, config };
}
