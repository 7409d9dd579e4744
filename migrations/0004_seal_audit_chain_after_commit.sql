ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_position" bigint;--> statement-breakpoint
-- Records written before sealing existed were chained in id order under the chain's lock.
UPDATE "audit_log" SET "chain_position" = "numbered"."n"
FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS "n" FROM "audit_log") AS "numbered"
WHERE "audit_log"."id" = "numbered"."id";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_position_idx" ON "audit_log" USING btree ("chain_position");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("id") WHERE "audit_log"."chain_position" IS NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_sealed_whole" CHECK (("audit_log"."chain_position" IS NULL) = ("audit_log"."prev_hash" IS NULL) AND ("audit_log"."prev_hash" IS NULL) = ("audit_log"."hash" IS NULL));