-- Stored results computed before breakdowns and factors were suppressed as one system
-- (docs/model.md §4) are marked stale: no organisation has k = 0, so every reader recomputes
-- them from the round's snapshot under the current rules before showing anything.
UPDATE assessment_results SET k = 0;
