ALTER TABLE "citizens" DROP COLUMN "preferred_channel";--> statement-breakpoint
ALTER TABLE "dossiers" DROP COLUMN "notify_channel";