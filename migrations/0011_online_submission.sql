CREATE TABLE "online_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"citizen_id" uuid NOT NULL,
	"procedure_code" text NOT NULL,
	"answers" jsonb NOT NULL,
	"current_step" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"dossier_code" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "online_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"document_id" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"pages" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "citizen_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "notify_channel" text DEFAULT 'sms' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "applicant_email" text;--> statement-breakpoint
ALTER TABLE "online_drafts" ADD CONSTRAINT "online_drafts_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_drafts" ADD CONSTRAINT "online_drafts_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "online_uploads" ADD CONSTRAINT "online_uploads_draft_id_online_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."online_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "online_drafts_citizen_idx" ON "online_drafts" USING btree ("citizen_id","status","updated_at");--> statement-breakpoint
CREATE INDEX "online_uploads_draft_idx" ON "online_uploads" USING btree ("draft_id","created_at");--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossiers_citizen_idx" ON "dossiers" USING btree ("citizen_id");