CREATE TABLE "gateway_configs" (
	"gateway" text PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"settings" jsonb NOT NULL,
	"secrets" text,
	"secrets_key_id" text,
	"methods" text[],
	"min_amount" bigint,
	"max_amount" bigint,
	"fee_bps" integer DEFAULT 0 NOT NULL,
	"fee_fixed" bigint DEFAULT 0 NOT NULL,
	"active_query" boolean DEFAULT true NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gateway_configs_fee_check" CHECK ("gateway_configs"."fee_bps" between 0 and 10000 and "gateway_configs"."fee_fixed" >= 0),
	CONSTRAINT "gateway_configs_amounts_check" CHECK ("gateway_configs"."min_amount" is null or "gateway_configs"."max_amount" is null or "gateway_configs"."min_amount" <= "gateway_configs"."max_amount")
);
--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "gateways" text[];--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "fee" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "action" jsonb;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "gateway_reference" text;