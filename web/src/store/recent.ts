// The buyer's recent orders on this device. The access token of each order
// lives under `xp_order_{number}` (shared with the server-rendered pay pages);
// the list only holds what the home page shows.
import { safeGet, safeSet } from '../shared/i18n.tsx';

export interface RecentOrder {
  number: string;
  shop: string;
  title: string;
  total: number;
  currency: string;
  at: string;
}

const LIST = 'xp_recent';
const MAX = 20;

export function orderToken(number: string): string | null {
  return safeGet(`xp_order_${number}`);
}

export function rememberToken(number: string, token: string): void {
  safeSet(`xp_order_${number}`, token);
}

export function recentOrders(): RecentOrder[] {
  try {
    const v: unknown = JSON.parse(safeGet(LIST) ?? '[]');
    return Array.isArray(v) ? (v as RecentOrder[]).filter((o) => typeof o?.number === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberOrder(o: RecentOrder, token: string): void {
  rememberToken(o.number, token);
  const list = [o, ...recentOrders().filter((x) => x.number !== o.number)].slice(0, MAX);
  safeSet(LIST, JSON.stringify(list));
}
