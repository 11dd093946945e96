CREATE TABLE `member_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`token_hash` text NOT NULL,
	`invited_by` text,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`link_used_at` text,
	`accepted_at` text,
	`declined_at` text
);
--> statement-breakpoint
CREATE INDEX `member_invitations_org` ON `member_invitations` (`org_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `member_invitations_pending` ON `member_invitations` (`org_id`,`email`) WHERE "member_invitations"."accepted_at" IS NULL AND "member_invitations"."declined_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `member_invitations_token` ON `member_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `member_invitations_email` ON `member_invitations` (`email`);
