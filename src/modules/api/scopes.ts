// API key scopes. A key holds a list; `*` is every scope.
export const API_SCOPES = ['products:read', 'products:write', 'cards:read', 'cards:write', 'cards:export', 'orders:read', 'orders:write', 'shop:read', 'shop:write', 'balance:read', 'payouts:read', 'payouts:write', 'licenses:read', 'licenses:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
