CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ward_code" text NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"address" text,
	"anonymous" boolean NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"source" text NOT NULL,
	"source_note" text,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"status" text NOT NULL,
	"responsible_unit_id" uuid,
	"responsible_unit_name" text,
	"routed_at" timestamp with time zone,
	"received_at" timestamp with time zone NOT NULL,
	"receipt_day" date NOT NULL,
	"due_date" date NOT NULL,
	"due_rule_from" date NOT NULL,
	"due_basis" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_unit_name" text,
	"publish_consent" boolean NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_name" text,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"merged_into_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_items_kind_check" CHECK ("feedback_items"."kind" IN ('phan_anh', 'kien_nghi')),
	CONSTRAINT "feedback_items_source_check" CHECK ("feedback_items"."source" IN ('portal', 'open311', 'counter', 'hotline', 'residential_group', 'leader_visit', 'friday_session')),
	CONSTRAINT "feedback_items_status_check" CHECK ("feedback_items"."status" IN ('received', 'routed', 'answered', 'merged')),
	CONSTRAINT "feedback_items_rating_check" CHECK ("feedback_items"."rating" IN ('rat_hai_long', 'hai_long', 'khong_hai_long')),
	CONSTRAINT "feedback_items_anonymous_check" CHECK (NOT "feedback_items"."anonymous" OR ("feedback_items"."contact_name" IS NULL AND "feedback_items"."contact_phone" IS NULL AND "feedback_items"."contact_email" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "feedback_photos" (
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "feedback_photos_item_id_position_pk" PRIMARY KEY("item_id","position")
);
--> statement-breakpoint
CREATE TABLE "feedback_rule_corrections" (
	"key" text NOT NULL,
	"effective_from" date NOT NULL,
	"days" integer NOT NULL,
	"day_kind" text NOT NULL,
	"legal_basis" text NOT NULL,
	"confirmed" boolean NOT NULL,
	"note" text,
	"corrected_by" uuid NOT NULL,
	"corrected_by_name" text NOT NULL,
	"corrected_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_rule_corrections_key_effective_from_pk" PRIMARY KEY("key","effective_from"),
	CONSTRAINT "feedback_rule_corrections_day_kind_check" CHECK ("feedback_rule_corrections"."day_kind" IN ('working', 'calendar'))
);
--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_responsible_unit_id_org_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_merged_into_id_feedback_items_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_photos" ADD CONSTRAINT "feedback_photos_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_items_code_idx" ON "feedback_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "feedback_items_ward_status_idx" ON "feedback_items" USING btree ("ward_code","status","due_date");--> statement-breakpoint
CREATE INDEX "feedback_items_ward_published_idx" ON "feedback_items" USING btree ("ward_code","published_at");--> statement-breakpoint
CREATE INDEX "feedback_items_text_trgm_idx" ON "feedback_items" USING gin (f_unaccent(lower("text")) gin_trgm_ops);