CREATE TABLE "license_instances" (
	"id" text PRIMARY KEY NOT NULL,
	"license_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	"deactivated_by" text
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"order_id" text NOT NULL,
	"order_item_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"key_hash" "bytea" NOT NULL,
	"key_ciphertext" "bytea" NOT NULL,
	"key_key_id" text NOT NULL,
	"activation_limit" integer,
	"activation_usage" integer DEFAULT 0 NOT NULL,
	"validity_days" integer,
	"issued_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"disabled_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_status_check" CHECK ("licenses"."status" in ('pending', 'active', 'disabled')),
	CONSTRAINT "licenses_usage_check" CHECK ("licenses"."activation_usage" >= 0 and ("licenses"."activation_limit" is null or "licenses"."activation_usage" <= "licenses"."activation_limit"))
);
--> statement-breakpoint
ALTER TABLE "products" DROP CONSTRAINT "products_delivery_check";--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "license_activation_limit" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "license_key_format" text;--> statement-breakpoint
ALTER TABLE "license_instances" ADD CONSTRAINT "license_instances_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "license_instances_license_idx" ON "license_instances" USING btree ("license_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_key_hash_key" ON "licenses" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "licenses_order_item_idx" ON "licenses" USING btree ("order_item_id");--> statement-breakpoint
CREATE INDEX "licenses_merchant_idx" ON "licenses" USING btree ("merchant_id","id");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_license_check" CHECK ("products"."delivery" <> 'license' or "products"."license_key_format" is not null);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_license_limit_check" CHECK ("products"."license_activation_limit" is null or "products"."license_activation_limit" between 1 and 100000);--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_delivery_check" CHECK ("products"."delivery" in ('card', 'shared', 'license'));