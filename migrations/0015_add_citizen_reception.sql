CREATE TABLE "listening_session_items" (
	"session_id" uuid NOT NULL,
	"feedback_code" text NOT NULL,
	"raised_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "listening_session_items_session_id_feedback_code_pk" PRIMARY KEY("session_id","feedback_code")
);
--> statement-breakpoint
CREATE TABLE "listening_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"held_on" date NOT NULL,
	"starts_at" text NOT NULL,
	"place" text NOT NULL,
	"chaired_by" text NOT NULL,
	"status" text NOT NULL,
	"attendees" text[] NOT NULL,
	"attendee_count" integer,
	"notes" text,
	"created_by_name" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "listening_sessions_status_check" CHECK ("listening_sessions"."status" IN ('scheduled', 'held'))
);
--> statement-breakpoint
CREATE TABLE "reception_extra_days" (
	"ward_code" text NOT NULL,
	"day" date NOT NULL,
	"note" text NOT NULL,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reception_extra_days_ward_code_day_pk" PRIMARY KEY("ward_code","day")
);
--> statement-breakpoint
CREATE TABLE "reception_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"receipt_day" date NOT NULL,
	"visitor_name" text NOT NULL,
	"visitor_id_number" text,
	"visitor_address" text,
	"visitor_phone" text,
	"group_size" integer NOT NULL,
	"representatives" text[] NOT NULL,
	"matter" text NOT NULL,
	"classification" text NOT NULL,
	"received_by" uuid NOT NULL,
	"received_by_name" text NOT NULL,
	"due_date" date NOT NULL,
	"due_rule_from" date NOT NULL,
	"due_basis" text NOT NULL,
	"result_kind" text,
	"result" text,
	"answered_at" timestamp with time zone,
	"answered_by_name" text,
	"feedback_code" text,
	CONSTRAINT "reception_log_classification_check" CHECK ("reception_log"."classification" IN ('feedback', 'petition', 'complaint', 'denunciation', 'outside_competence')),
	CONSTRAINT "reception_log_result_kind_check" CHECK ("reception_log"."result_kind" IN ('accepted', 'needs_time', 'refused', 'forwarded')),
	CONSTRAINT "reception_log_group_check" CHECK ("reception_log"."group_size" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reception_schedules" (
	"ward_code" text PRIMARY KEY NOT NULL,
	"weekdays" integer[] NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"place" text NOT NULL,
	"rules_text" text NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_items" DROP CONSTRAINT "feedback_items_source_check";--> statement-breakpoint
ALTER TABLE "listening_session_items" ADD CONSTRAINT "listening_session_items_session_id_listening_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."listening_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listening_sessions" ADD CONSTRAINT "listening_sessions_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_extra_days" ADD CONSTRAINT "reception_extra_days_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_log" ADD CONSTRAINT "reception_log_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_schedules" ADD CONSTRAINT "reception_schedules_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "listening_sessions_day_idx" ON "listening_sessions" USING btree ("ward_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_log_number_idx" ON "reception_log" USING btree ("ward_code","year","number");--> statement-breakpoint
CREATE INDEX "reception_log_ward_day_idx" ON "reception_log" USING btree ("ward_code","receipt_day");--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_source_check" CHECK ("feedback_items"."source" IN ('portal', 'open311', 'counter', 'hotline', 'residential_group', 'leader_visit', 'friday_session', 'reception'));