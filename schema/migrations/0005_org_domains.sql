CREATE TABLE `org_domains` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`domain` text NOT NULL,
	`token` text NOT NULL,
	`created_at` text NOT NULL,
	`verified_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_domains_org_domain` ON `org_domains` (`org_id`,`domain`);--> statement-breakpoint
CREATE UNIQUE INDEX `org_domains_verified` ON `org_domains` (`domain`) WHERE "org_domains"."verified_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `org_domains_domain` ON `org_domains` (`domain`);
