CREATE TABLE `initiatives` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`factors` text NOT NULL,
	`cost` integer,
	`owner` text,
	`owner_key` text,
	`status` text NOT NULL,
	`pin` text NOT NULL,
	`pin_reason` text,
	`political_urgency` integer NOT NULL,
	`technical_urgency` integer NOT NULL,
	`societal_benefit` integer NOT NULL,
	`administration_benefit` integer NOT NULL,
	`risk` integer NOT NULL,
	`expected_benefits` text DEFAULT '[]' NOT NULL,
	`realised_benefits` text DEFAULT '[]' NOT NULL,
	`status_history` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `initiatives_org_created` ON `initiatives` (`org_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `initiatives_org_status` ON `initiatives` (`org_id`,`status`);--> statement-breakpoint
CREATE INDEX `initiatives_org_owner` ON `initiatives` (`org_id`,`owner_key`);