-- The disconnect grace across instances: how many streams of each task every instance has open, and when the last of
-- them lost its client (null while one is open). A task that no live instance streams and whose last client left
-- longer than the grace ago is cancelled (resumable) by exactly one instance; a re-attach anywhere keeps it going.
CREATE TABLE task_streams (
    task_key    TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    streams     INTEGER NOT NULL,
    left_at     TIMESTAMPTZ,
    PRIMARY KEY (task_key, instance_id));

-- A cancel because nobody follows the task any more (its event says so), not because its user asked.
ALTER TABLE task_cancel_requests ADD COLUMN abandoned BOOLEAN NOT NULL DEFAULT false;
