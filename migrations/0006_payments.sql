CREATE TABLE "payment_accounts" (
	"ward_code" text PRIMARY KEY NOT NULL,
	"bank_bin" text NOT NULL,
	"bank_name" text NOT NULL,
	"account_number" text NOT NULL,
	"account_name" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ward_code" text NOT NULL,
	"payment_id" uuid NOT NULL,
	"secure_hash" text NOT NULL,
	"source" text NOT NULL,
	"response_code" text NOT NULL,
	"outcome" text NOT NULL,
	"params" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_receipt_counters" (
	"ward_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "payment_receipt_counters_ward_code_year_pk" PRIMARY KEY("ward_code","year")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"amount" integer NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"txn_ref" text,
	"transaction_no" text,
	"paid_at" timestamp with time zone,
	"receipt_number" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_callbacks" ADD CONSTRAINT "payment_callbacks_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_callbacks_hash_idx" ON "payment_callbacks" USING btree ("secure_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_txn_ref_idx" ON "payments" USING btree ("txn_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_transaction_no_idx" ON "payments" USING btree ("ward_code","method","transaction_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_number_idx" ON "payments" USING btree ("ward_code","receipt_number");--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments" USING btree ("dossier_code","created_at");