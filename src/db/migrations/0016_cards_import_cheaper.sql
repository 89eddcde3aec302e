-- The batch's key comes first: cards_batch_fk refers to it.
CREATE UNIQUE INDEX "card_batches_owner_key" ON "card_batches" USING btree ("merchant_id","product_id","id");--> statement-breakpoint
ALTER TABLE "card_batches" DROP CONSTRAINT "card_batches_merchant_id_merchants_id_fk";
--> statement-breakpoint
ALTER TABLE "card_batches" DROP CONSTRAINT "card_batches_product_id_products_id_fk";
--> statement-breakpoint
ALTER TABLE "cards" DROP CONSTRAINT "cards_batch_id_card_batches_id_fk";
--> statement-breakpoint
ALTER TABLE "cards" DROP CONSTRAINT "cards_product_fk";
--> statement-breakpoint
DROP INDEX "cards_product_status_idx";--> statement-breakpoint
ALTER TABLE "card_batches" ADD CONSTRAINT "card_batches_product_fk" FOREIGN KEY ("merchant_id","product_id") REFERENCES "public"."products"("merchant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_batch_fk" FOREIGN KEY ("merchant_id","product_id","batch_id") REFERENCES "public"."card_batches"("merchant_id","product_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cards_product_status_idx" ON "cards" USING btree ("product_id","status") WHERE "cards"."status" <> 'available';