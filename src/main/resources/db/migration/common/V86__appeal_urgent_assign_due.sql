-- An URGENT appeal must be assigned by its response deadline (2 clock hours), not one working day later: the
-- assignment deadline is the earlier of the two. New appeals are filed so (WorkingCalendar.assignDue); this brings
-- the stored ones in line. The response deadline stays as it is.
UPDATE appeal SET assign_due_at = response_due_at
WHERE urgency = 'URGENT' AND response_due_at IS NOT NULL AND response_due_at < assign_due_at;
