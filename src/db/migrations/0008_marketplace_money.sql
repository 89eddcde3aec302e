CREATE TABLE "dispute_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"dispute_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"attachment_data" "bytea",
	"attachment_type" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_messages_author_check" CHECK ("dispute_messages"."author" in ('buyer', 'merchant', 'admin', 'system'))
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reason" text NOT NULL,
	"outcome" text,
	"refund_amount" bigint,
	"ruling" text,
	"ruling_amount" bigint,
	"respond_by" timestamp with time zone NOT NULL,
	"merchant_responded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_status_check" CHECK ("disputes"."status" in ('open', 'escalated', 'resolved')),
	CONSTRAINT "disputes_reason_check" CHECK ("disputes"."reason" in ('key_invalid', 'not_as_described', 'not_received', 'other'))
);
--> statement-breakpoint
CREATE TABLE "payout_destinations" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"masked" text NOT NULL,
	"details" text NOT NULL,
	"details_key_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "payout_destinations_kind_check" CHECK ("payout_destinations"."kind" in ('alipay', 'bank', 'usdt'))
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" text PRIMARY KEY NOT NULL,
	"merchant_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"destination_id" text,
	"destination_masked" text,
	"reference" text,
	"reason" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount_check" CHECK ("payouts"."amount" > 0 and "payouts"."fee" >= 0 and "payouts"."fee" < "payouts"."amount"),
	CONSTRAINT "payouts_status_check" CHECK ("payouts"."status" in ('pending', 'approved', 'paid', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"merchant_id" text NOT NULL,
	"product_id" text NOT NULL,
	"rating" integer NOT NULL,
	"activation" integer NOT NULL,
	"accuracy" integer NOT NULL,
	"support" integer NOT NULL,
	"comment" text,
	"reply" text,
	"replied_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_scores_check" CHECK ("reviews"."rating" between 1 and 5 and "reviews"."activation" between 1 and 5 and "reviews"."accuracy" between 1 and 5 and "reviews"."support" between 1 and 5)
);
--> statement-breakpoint
DROP INDEX "ledger_entries_account_idx";--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "replacement_for" text;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "order_id" text;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "memo" text;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "digest" text;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "ledger_transactions" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "escrow_hours" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "commission" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD CONSTRAINT "dispute_messages_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_destinations" ADD CONSTRAINT "payout_destinations_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_destination_id_payout_destinations_id_fk" FOREIGN KEY ("destination_id") REFERENCES "public"."payout_destinations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_messages_dispute_idx" ON "dispute_messages" USING btree ("dispute_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_order_key" ON "disputes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "disputes_merchant_idx" ON "disputes" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "disputes_open_idx" ON "disputes" USING btree ("respond_by") WHERE "disputes"."status" = 'open';--> statement-breakpoint
CREATE INDEX "payout_destinations_merchant_idx" ON "payout_destinations" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "payouts_merchant_idx" ON "payouts" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "payouts_open_idx" ON "payouts" USING btree ("id") WHERE "payouts"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_order_key" ON "reviews" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "reviews_merchant_idx" ON "reviews" USING btree ("merchant_id","id");--> statement-breakpoint
CREATE INDEX "reviews_product_idx" ON "reviews" USING btree ("product_id","id");--> statement-breakpoint
CREATE INDEX "ledger_accounts_merchant_idx" ON "ledger_accounts" USING btree ("merchant_id") WHERE "ledger_accounts"."merchant_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transactions_seq_key" ON "ledger_transactions" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "ledger_transactions_order_idx" ON "ledger_transactions" USING btree ("order_id") WHERE "ledger_transactions"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_transactions_unsealed_idx" ON "ledger_transactions" USING btree ("created_at","id") WHERE "ledger_transactions"."seq" is null;--> statement-breakpoint
CREATE INDEX "orders_completable_idx" ON "orders" USING btree ("delivered_at") WHERE "orders"."status" in ('delivered', 'partially_refunded');--> statement-breakpoint
CREATE INDEX "orders_merchant_delivered_idx" ON "orders" USING btree ("merchant_id","delivered_at") WHERE "orders"."delivered_at" is not null;--> statement-breakpoint
CREATE INDEX "refunds_merchant_idx" ON "refunds" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","transaction_id");--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_escrow_hours_check" CHECK ("merchants"."escrow_hours" is null or "merchants"."escrow_hours" between 0 and 8760);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_commission_check" CHECK ("orders"."commission" >= 0 and "orders"."commission" <= "orders"."total");--> statement-breakpoint
-- Money already posted names its order, so a completion or a refund can find what the order left in escrow.
UPDATE "ledger_transactions" lt SET "order_id" = p."order_id" FROM "payments" p WHERE lt."cause_type" = 'payment' AND p."id" = lt."cause_id" AND p."order_id" IS NOT NULL;--> statement-breakpoint
UPDATE "ledger_transactions" lt SET "order_id" = r."order_id" FROM "refunds" r WHERE lt."cause_type" = 'refund' AND r."id" = lt."cause_id";--> statement-breakpoint
-- The ledger is append-only (DESIGN §8): entries never change; a transaction
-- changes once, when the sealing job gives it its place in the hash chain
-- (seq, prev_hash, hash; and its digest if it was posted before digests).
CREATE FUNCTION xp_ledger_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'ledger_transactions' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL
       AND (NEW.id, NEW.kind, NEW.cause_type, NEW.cause_id, NEW.order_id, NEW.memo, NEW.created_at)
           IS NOT DISTINCT FROM (OLD.id, OLD.kind, OLD.cause_type, OLD.cause_id, OLD.order_id, OLD.memo, OLD.created_at)
       AND (OLD.digest IS NULL OR NEW.digest = OLD.digest) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION USING ERRCODE = 'XP001', MESSAGE = 'the ledger is append-only: ' || TG_TABLE_NAME || ' rows cannot be changed or deleted';
END
$$;--> statement-breakpoint
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION xp_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER "ledger_entries_no_truncate" BEFORE TRUNCATE ON "ledger_entries" FOR EACH STATEMENT EXECUTE FUNCTION xp_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER "ledger_transactions_append_only" BEFORE UPDATE OR DELETE ON "ledger_transactions" FOR EACH ROW EXECUTE FUNCTION xp_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER "ledger_transactions_no_truncate" BEFORE TRUNCATE ON "ledger_transactions" FOR EACH STATEMENT EXECUTE FUNCTION xp_ledger_append_only();--> statement-breakpoint
-- Accounts too: a balance is grouped by an account's kind and shop, so changing them would move money.
CREATE TRIGGER "ledger_accounts_append_only" BEFORE UPDATE OR DELETE ON "ledger_accounts" FOR EACH ROW EXECUTE FUNCTION xp_ledger_append_only();--> statement-breakpoint
CREATE TRIGGER "ledger_accounts_no_truncate" BEFORE TRUNCATE ON "ledger_accounts" FOR EACH STATEMENT EXECUTE FUNCTION xp_ledger_append_only();--> statement-breakpoint
-- A balance is summed from the index alone (the ledger is append-only, so its pages stay all-visible).
DROP INDEX "ledger_entries_account_idx";--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id","transaction_id") INCLUDE ("amount");
