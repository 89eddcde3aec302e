ALTER TABLE "orders" DROP CONSTRAINT "orders_status_check";--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_delivery_check";--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "fields_ciphertext" "bytea";--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "fields_key_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "fulfil_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "manual_fields" jsonb;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "manual_sla_hours" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "manual_auto_refund" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "orders_awaiting_idx" ON "orders" USING btree ("fulfil_due_at") WHERE "orders"."status" = 'awaiting_fulfilment';--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('pending_payment', 'paid', 'awaiting_fulfilment', 'delivered', 'completed', 'expired', 'cancelled', 'needs_action', 'disputed', 'refunded', 'partially_refunded'));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_manual_check" CHECK ("products"."delivery" <> 'manual' or ("products"."manual_fields" is not null and "products"."manual_sla_hours" between 1 and 720));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_delivery_check" CHECK ("products"."delivery" in ('card', 'shared', 'license', 'manual'));