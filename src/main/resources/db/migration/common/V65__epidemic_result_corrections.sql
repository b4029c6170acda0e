-- A result re-sent for the same employee, sample time and kind with a different result is a correction (a lab's
-- PENDING followed by its final result, or a corrected mistake): the row takes the new result and keeps the one it
-- replaced. NULL: never corrected. Nullable without a default, so adding it rewrites nothing.
ALTER TABLE epi_test_result ADD COLUMN previous_result VARCHAR(8);
