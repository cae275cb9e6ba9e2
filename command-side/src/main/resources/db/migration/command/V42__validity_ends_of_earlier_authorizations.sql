-- Authorizations pending or in force before deadlines existed have no deadline for their end of
-- validity. One task, run once by whichever node picks it first, schedules theirs
-- (authorization/expire/EarlierValidityEnds).
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
VALUES ('earlier-validity-ends', 'V42', CURRENT_TIMESTAMP, FALSE, 1);
