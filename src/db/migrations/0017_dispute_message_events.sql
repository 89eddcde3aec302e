ALTER TABLE "dispute_messages" ADD COLUMN "event" text;--> statement-breakpoint
ALTER TABLE "dispute_messages" ADD COLUMN "event_data" jsonb;