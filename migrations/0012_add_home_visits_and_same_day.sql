CREATE TABLE "same_day_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"weekday" integer NOT NULL,
	"procedure_codes" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"decision" text,
	"decided_by" uuid,
	"decided_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "home_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"ward_code" text NOT NULL,
	"status" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"citizen_id" uuid,
	"requested_by_staff_id" uuid,
	"person_name" text NOT NULL,
	"person_address" text NOT NULL,
	"person_phone" text,
	"reason" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"preferred_times" text NOT NULL,
	"note" text,
	"visit_day" date,
	"visit_from" text,
	"visit_to" text,
	"officer_id" uuid,
	"officer_name" text,
	"dossier_code" text,
	"cancel_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "same_day" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "same_day_schedules" ADD CONSTRAINT "same_day_schedules_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "home_visits" ADD CONSTRAINT "home_visits_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "same_day_schedules_ward_from_idx" ON "same_day_schedules" USING btree ("ward_code","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "home_visits_code_idx" ON "home_visits" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "home_visits_dossier_idx" ON "home_visits" USING btree ("dossier_code");--> statement-breakpoint
CREATE INDEX "home_visits_ward_status_idx" ON "home_visits" USING btree ("ward_code","status","visit_day");--> statement-breakpoint
CREATE INDEX "home_visits_citizen_idx" ON "home_visits" USING btree ("citizen_id");--> statement-breakpoint
CREATE INDEX "home_visits_staff_idx" ON "home_visits" USING btree ("requested_by_staff_id");