CREATE TABLE "procedure_versions" (
	"ward_code" text NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"change_note" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_versions_ward_code_code_version_pk" PRIMARY KEY("ward_code","code","version")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"ward_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"current_version" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_ward_code_code_pk" PRIMARY KEY("ward_code","code")
);
--> statement-breakpoint
CREATE TABLE "dossier_day_counters" (
	"ward_code" text NOT NULL,
	"day" date NOT NULL,
	"last_sequence" integer NOT NULL,
	CONSTRAINT "dossier_day_counters_ward_code_day_pk" PRIMARY KEY("ward_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossier_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ward_code" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"from_unit" text,
	"to_unit" text,
	"timing" text,
	"note" text,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_id" text,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"amount" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"method" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"received_by" uuid
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_version" integer NOT NULL,
	"procedure_name" text NOT NULL,
	"status_code" integer NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"applicant_address" text NOT NULL,
	"documents_received" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"receipt_day" date NOT NULL,
	"original_due_date" date,
	"due_date" date,
	"paused_at" timestamp with time zone,
	"assigned_unit_id" uuid,
	"received_by" uuid,
	"received_by_name" text NOT NULL,
	"fee_amount" integer NOT NULL,
	"supplement_requests" integer DEFAULT 0 NOT NULL,
	"supplement_breaches" integer DEFAULT 0 NOT NULL,
	"apologies" integer DEFAULT 0 NOT NULL,
	"late_at" timestamp with time zone,
	"late_twice_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_channel" text,
	"digitised" boolean DEFAULT false NOT NULL,
	"result_electronic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_events" ADD CONSTRAINT "dossier_events_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_files" ADD CONSTRAINT "dossier_files_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_payments" ADD CONSTRAINT "dossier_payments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedures_name_trgm_idx" ON "procedures" USING gin (f_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "dossier_events_dossier_idx" ON "dossier_events" USING btree ("dossier_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_idx" ON "dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_ward_status_idx" ON "dossiers" USING btree ("ward_code","status_code","due_date");--> statement-breakpoint
CREATE INDEX "dossiers_ward_received_idx" ON "dossiers" USING btree ("ward_code","receipt_day");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_trgm_idx" ON "dossiers" USING gin (f_unaccent(lower("applicant_name")) gin_trgm_ops);