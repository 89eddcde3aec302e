export interface StoreProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: string | null;
  price: number;
  currency: string;
  delivery: 'card';
  min_quantity: number;
  max_quantity: number;
  stock: { available: number };
}

export interface ShopGateway {
  gateway: string;
  title: string;
  methods: string[];
  currencies: string[] | null;
  fee_bps: number;
  fee_fixed: number;
  min_amount: number | null;
  max_amount: number | null;
}

export interface CheckoutResult {
  order: { id: string; number: string; status: string; total: number; currency: string; expires_at: string };
  access_token: string;
  payment: { id: string; gateway: string; amount: number; fee: number; currency: string; pay_url: string };
}

export interface BuyerOrder {
  order: {
    id: string; number: string; status: string; total: number; currency: string; created_at: string; expires_at: string;
    shop: { name: string; slug: string };
    items: Array<{ product_id: string; title: string; quantity: number }>;
    payment: { id: string; gateway: string; pay_url: string } | null;
  };
  deliveries: Array<{ product_id: string; items: string[] }>;
}
