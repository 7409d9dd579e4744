CREATE TABLE "queue_counters" (
	"id" text PRIMARY KEY NOT NULL,
	"ward_code" text NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"groups" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_day_counters" (
	"ward_code" text NOT NULL,
	"day" date NOT NULL,
	"group_key" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "queue_day_counters_ward_code_day_group_key_pk" PRIMARY KEY("ward_code","day","group_key")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"arrival" bigserial NOT NULL,
	"ward_code" text NOT NULL,
	"day" date NOT NULL,
	"group_key" text NOT NULL,
	"number" integer NOT NULL,
	"code" text NOT NULL,
	"channel" text NOT NULL,
	"take_key" text NOT NULL,
	"status" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"last_called_at" timestamp with time zone,
	"recalls" integer DEFAULT 0 NOT NULL,
	"counter_id" text,
	"counter_name" text,
	"called_by" uuid,
	"called_by_name" text,
	"finished_at" timestamp with time zone,
	"finished_by_name" text,
	CONSTRAINT "queue_tickets_status_check" CHECK ("queue_tickets"."status" IN ('waiting', 'called', 'served', 'no_show'))
);
--> statement-breakpoint
ALTER TABLE "queue_counters" ADD CONSTRAINT "queue_counters_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_ward_code_wards_code_fk" FOREIGN KEY ("ward_code") REFERENCES "public"."wards"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "queue_counters_ward_number_idx" ON "queue_counters" USING btree ("ward_code","number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_number_idx" ON "queue_tickets" USING btree ("ward_code","day","group_key","number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_take_key_idx" ON "queue_tickets" USING btree ("ward_code","take_key");--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("ward_code","day","status","arrival");--> statement-breakpoint
CREATE INDEX "queue_tickets_counter_idx" ON "queue_tickets" USING btree ("counter_id","status");