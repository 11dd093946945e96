-- The anonymity threshold in force when a round opened: a floor for that round forever
-- (docs/model.md §4). Rounds already open or closed take the organisation's threshold of now,
-- the best that is known of their opening.
ALTER TABLE `assessments` ADD `k_at_open` integer;--> statement-breakpoint
UPDATE `assessments` SET `k_at_open` = (SELECT `anonymity_threshold` FROM `organisations` WHERE `organisations`.`id` = `assessments`.`org_id`) WHERE `status` <> 'draft';--> statement-breakpoint
-- Participation as the organisation sees it: a snapshot of counts, refreshed at most every
-- 10 minutes, so that polling cannot time one person's submission.
ALTER TABLE `assessments` ADD `participation` text;--> statement-breakpoint
ALTER TABLE `assessments` ADD `participation_as_of` text;
