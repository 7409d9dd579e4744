ALTER TABLE "dossier_payments" ADD COLUMN "basis" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD COLUMN "receipt_number" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD COLUMN "received_by_name" text NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "assigned_officer_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "fee_due" jsonb;--> statement-breakpoint
CREATE INDEX "dossier_payments_dossier_idx" ON "dossier_payments" USING btree ("dossier_id","paid_at");