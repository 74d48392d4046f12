-- How many tasks each instance runs now, refreshed with its heartbeat (the admin API lists it).
ALTER TABLE instances ADD COLUMN running_tasks INTEGER NOT NULL DEFAULT 0;
