ALTER TABLE "payments" ADD COLUMN "collected_by" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "collected_by_name" text;