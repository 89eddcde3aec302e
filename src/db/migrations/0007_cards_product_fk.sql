-- A card references the product of its own shop: one foreign key on
-- (merchant_id, product_id) instead of one to merchants and one to products.
-- One check per imported key instead of two, and a key can never name
-- another shop than its product's. The unique index comes first: the
-- reference needs it.
CREATE UNIQUE INDEX "products_merchant_id_key" ON "products" USING btree ("merchant_id","id");--> statement-breakpoint
DROP INDEX "products_merchant_idx";--> statement-breakpoint
ALTER TABLE "cards" DROP CONSTRAINT "cards_merchant_id_merchants_id_fk";--> statement-breakpoint
ALTER TABLE "cards" DROP CONSTRAINT "cards_product_id_products_id_fk";--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_product_fk" FOREIGN KEY ("merchant_id","product_id") REFERENCES "public"."products"("merchant_id","id") ON DELETE no action ON UPDATE no action;
