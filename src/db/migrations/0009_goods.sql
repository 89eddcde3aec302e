ALTER TABLE "products" DROP CONSTRAINT "products_delivery_check";--> statement-breakpoint
ALTER TABLE "fulfilments" ADD COLUMN "payload_ciphertext" "bytea";--> statement-breakpoint
ALTER TABLE "fulfilments" ADD COLUMN "payload_key_id" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "delivery_note" text;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "picked_card_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "price_tiers" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "instructions" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "shared_ciphertext" "bytea";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "shared_key_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "shared_limit" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "shared_held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "validity_days" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "pick_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "pick_surcharge" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_shared_check" CHECK ("products"."delivery" <> 'shared' or ("products"."shared_ciphertext" is not null and "products"."shared_key_id" is not null));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_validity_check" CHECK ("products"."validity_days" is null or "products"."validity_days" between 1 and 3650);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_pick_check" CHECK ("products"."pick_surcharge" >= 0 and (not "products"."pick_enabled" or "products"."delivery" = 'card'));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_shared_held_check" CHECK ("products"."shared_held" >= 0 and ("products"."shared_limit" is null or "products"."shared_held" <= "products"."shared_limit"));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_delivery_check" CHECK ("products"."delivery" in ('card', 'shared'));