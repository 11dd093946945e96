CREATE TABLE `benchmark_entries` (
	`org_id` text NOT NULL,
	`instrument_version` text NOT NULL,
	`kind` text NOT NULL,
	`population` integer,
	`county` text,
	`demo` integer NOT NULL,
	`share` integer NOT NULL,
	`round_id` text NOT NULL,
	`closed_at` text NOT NULL,
	`scores` text NOT NULL,
	PRIMARY KEY(`org_id`, `instrument_version`)
);
--> statement-breakpoint
CREATE INDEX `benchmark_entries_read` ON `benchmark_entries` (`instrument_version`,`demo`,`share`,`closed_at`);