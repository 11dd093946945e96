CREATE TABLE `user_identities` (
	`iss` text NOT NULL,
	`sub` text NOT NULL,
	`user_id` text NOT NULL,
	`org_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_identities_iss_sub` ON `user_identities` (`iss`,`sub`);--> statement-breakpoint
CREATE INDEX `user_identities_org` ON `user_identities` (`org_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `user_identities_user` ON `user_identities` (`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `email_proven_at` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `org_id` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `oidc_token_auth_method` text;--> statement-breakpoint
CREATE INDEX `sessions_org` ON `sessions` (`org_id`);
