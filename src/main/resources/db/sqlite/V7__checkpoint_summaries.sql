-- What a task's report needs of its last checkpoint (what of the document was not read, what the model cost, why it
-- stopped), written with each checkpoint: GET /api/tasks/{id} reads this instead of the checkpoint and the document
-- text. Null in rows written before; the report then reads the whole checkpoint as it did.
ALTER TABLE checkpoints ADD COLUMN summary TEXT;
