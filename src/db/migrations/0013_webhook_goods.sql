CREATE TABLE "webhook_deliveries" (
	"order_id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"next_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_delivery_check";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "webhook_secret_ciphertext" "bytea";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "webhook_secret_key_id" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_webhook_check" CHECK ("products"."delivery" <> 'webhook' or ("products"."webhook_url" is not null and "products"."webhook_secret_ciphertext" is not null));--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_delivery_check" CHECK ("products"."delivery" in ('card', 'shared', 'license', 'manual', 'download', 'webhook'));