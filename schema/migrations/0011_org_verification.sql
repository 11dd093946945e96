-- Only verified organisations count in peer groups (docs/model.md §5): an operator's approval on
-- the organisation, and the derived verdict on each benchmark entry for the read path.
ALTER TABLE `organisations` ADD `operator_verified_at` text;--> statement-breakpoint
ALTER TABLE `benchmark_entries` ADD `verified` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Demo organisations are made by the platform itself: approved.
UPDATE `organisations` SET `operator_verified_at` = `created_at` WHERE `demo` = 1;--> statement-breakpoint
UPDATE `benchmark_entries` SET `verified` = 1 WHERE `org_id` IN (SELECT `id` FROM `organisations` WHERE `operator_verified_at` IS NOT NULL);--> statement-breakpoint
DROP INDEX `benchmark_entries_read`;--> statement-breakpoint
CREATE INDEX `benchmark_entries_read` ON `benchmark_entries` (`instrument_version`,`demo`,`share`,`verified`,`closed_at`);
