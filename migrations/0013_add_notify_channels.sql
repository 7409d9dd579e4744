ALTER TABLE "citizens" ADD COLUMN "preferred_channels" jsonb DEFAULT '["sms"]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "notify_channels" jsonb DEFAULT '["sms"]'::jsonb NOT NULL;--> statement-breakpoint
UPDATE "citizens" SET "preferred_channels" = jsonb_build_array("preferred_channel") WHERE "preferred_channel" <> 'sms';--> statement-breakpoint
UPDATE "dossiers" SET "notify_channels" = jsonb_build_array("notify_channel") WHERE "notify_channel" <> 'sms';--> statement-breakpoint
UPDATE "online_drafts" SET "answers" = jsonb_set("answers", '{notify}', jsonb_build_object('channels', jsonb_build_array("answers"->'notify'->'channel')) || (("answers"->'notify') - 'channel')) WHERE "answers"->'notify' ? 'channel';
