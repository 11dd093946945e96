-- A closed round keeps aggregates instead of its answers (docs/model.md §4). Rounds closed before
-- this migration keep their snapshot until the next read or the cron freezes them.
CREATE TABLE `response_aggregates` (
	`org_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`breakdown` text NOT NULL,
	`group_id` text NOT NULL,
	`n` integer NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`org_id`, `assessment_id`, `breakdown`, `group_id`)
);
