CREATE TABLE "counter_rating_sessions" (
	"counter_id" text PRIMARY KEY NOT NULL,
	"ward_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"started_by" uuid NOT NULL,
	"started_by_name" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name" text NOT NULL,
	"level" text NOT NULL,
	"officer_level" text,
	"officer_id" uuid,
	"officer_name" text,
	"comment" text,
	"channel" text NOT NULL,
	"counter_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_level_check" CHECK ("ratings"."level" IN ('rat_hai_long', 'hai_long', 'khong_hai_long')),
	CONSTRAINT "ratings_officer_level_check" CHECK ("ratings"."officer_level" IN ('rat_hai_long', 'hai_long', 'khong_hai_long')),
	CONSTRAINT "ratings_channel_check" CHECK ("ratings"."channel" IN ('link', 'kiosk'))
);
--> statement-breakpoint
ALTER TABLE "counter_rating_sessions" ADD CONSTRAINT "counter_rating_sessions_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_dossier_code_idx" ON "ratings" USING btree ("dossier_code");--> statement-breakpoint
CREATE INDEX "ratings_ward_created_idx" ON "ratings" USING btree ("ward_code","created_at");