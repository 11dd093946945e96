-- A closed round keeps its published results for every k from its k at close up to 50 instead
-- of its answers (docs/model.md §4). Rounds closed before this migration keep their snapshot
-- until the next read or the cron replaces it (and its answer rows) with these bodies.
CREATE TABLE `closed_round_results` (
	`org_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`k_from` integer NOT NULL,
	`k_to` integer NOT NULL,
	`n` integer NOT NULL,
	`body` text,
	PRIMARY KEY(`org_id`, `assessment_id`, `k_from`)
);--> statement-breakpoint
-- The k a round was published with at close: its floor from then on (never below k_at_open).
ALTER TABLE `assessments` ADD `k_at_close` integer;--> statement-breakpoint
CREATE INDEX `assessments_closed_not_kept` ON `assessments` (`status`) WHERE k_at_close IS NULL;
