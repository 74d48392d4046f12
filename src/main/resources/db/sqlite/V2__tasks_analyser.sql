-- Which analysers a task runs ("rules", "llm", "both"); older rows ran the rules (was "tasks-002-analyser").
ALTER TABLE tasks ADD COLUMN analyser TEXT NOT NULL DEFAULT 'rules';
