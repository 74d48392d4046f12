-- The document text of a task, kept once: checkpoints hold positions and findings, and the text is written again only
-- when it changed (the whole text in every checkpoint made an 18 MB document need a 512 MB heap).
CREATE TABLE task_texts (
    task_id TEXT PRIMARY KEY REFERENCES tasks (task_id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    json TEXT NOT NULL);
