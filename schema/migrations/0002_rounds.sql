CREATE TABLE `assessment_results` (
	`org_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`k` integer NOT NULL,
	`n` integer NOT NULL,
	`body` text,
	PRIMARY KEY(`org_id`, `assessment_id`)
);
--> statement-breakpoint
CREATE TABLE `assessment_snapshots` (
	`org_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`chunk` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`org_id`, `assessment_id`, `chunk`)
);
--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`form` text NOT NULL,
	`language` text NOT NULL,
	`instrument_version` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`closes_at` text,
	`created_at` text NOT NULL,
	`opened_at` text,
	`closed_at` text
);
--> statement-breakpoint
CREATE INDEX `assessments_org_created` ON `assessments` (`org_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `assessments_status_closes` ON `assessments` (`status`,`closes_at`);--> statement-breakpoint
CREATE TABLE `respondents` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role` text NOT NULL,
	`unit_id` text,
	`status` text DEFAULT 'added' NOT NULL,
	`token_hash` text NOT NULL,
	`reminded_at` text,
	`submitted_on` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `respondents_org_round_email` ON `respondents` (`org_id`,`assessment_id`,`email`);--> statement-breakpoint
CREATE INDEX `respondents_org_round_status` ON `respondents` (`org_id`,`assessment_id`,`status`);--> statement-breakpoint
CREATE INDEX `respondents_org_round_created` ON `respondents` (`org_id`,`assessment_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `respondents_org_unit` ON `respondents` (`org_id`,`unit_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `respondents_token_hash` ON `respondents` (`token_hash`);--> statement-breakpoint
CREATE TABLE `responses` (
	`key` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`role` text NOT NULL,
	`unit_id` text,
	`submitted` integer DEFAULT 0 NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `responses_org_round_submitted` ON `responses` (`org_id`,`assessment_id`,`submitted`);