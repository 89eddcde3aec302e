ALTER TABLE "products" ADD COLUMN "parent_id" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "variant_name" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "variant_position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_parent_id_products_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "products_parent_idx" ON "products" USING btree ("parent_id","variant_position") WHERE "products"."parent_id" is not null;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_variant_check" CHECK (("products"."parent_id" is null) = ("products"."variant_name" is null));