CREATE TABLE "citizen_oidc_logins" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"nonce" text NOT NULL,
	"code_verifier" text NOT NULL,
	"redirect_uri" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizen_otp_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"citizen_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"method" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vneid_subject" text,
	"id_number" text,
	"full_name" text,
	"phone" text,
	"email" text,
	"preferred_channel" text DEFAULT 'sms' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "citizens_vneid_subject_idx" UNIQUE("vneid_subject")
);
--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD CONSTRAINT "citizen_sessions_citizen_id_citizens_id_fk" FOREIGN KEY ("citizen_id") REFERENCES "public"."citizens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizen_otp_codes_phone_idx" ON "citizen_otp_codes" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "citizen_sessions_citizen_idx" ON "citizen_sessions" USING btree ("citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_phone_account_idx" ON "citizens" USING btree ("phone") WHERE "citizens"."vneid_subject" IS NULL;--> statement-breakpoint
CREATE INDEX "dossiers_applicant_id_number_idx" ON "dossiers" USING btree ("applicant_id_number");--> statement-breakpoint
CREATE INDEX "dossiers_applicant_phone_idx" ON "dossiers" USING btree ("applicant_phone");