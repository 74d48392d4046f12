-- db-scheduler's table (its PostgreSQL DDL, unchanged): a queued task is a one-time execution named 'annotate'
-- whose instance id is the task's key; the instance that claims it (picked_by) runs it, and heartbeats it.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- A cancel accepted by any instance, kept until the task's run has stopped: the instance running the task is woken
-- by NOTIFY annotator_cancel, and one that takes the task over after a fail-over finds the request here.
CREATE TABLE task_cancel_requests (
    task_key     TEXT PRIMARY KEY,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    by_instance  TEXT NOT NULL
);
