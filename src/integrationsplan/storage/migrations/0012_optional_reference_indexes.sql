-- Schema 12: the two references without an index, a goal carried over from an older plan's goal and a plan's
-- previous version. Deleting or erasing a goal or a plan asks which rows refer to it: without them each such
-- question read the whole table (0.1 s per goal at 50,000 persons of the benchmark data set).
CREATE INDEX goal_carried_from ON goal (carried_from_goal_id) WHERE carried_from_goal_id IS NOT NULL;
CREATE INDEX plan_previous ON plan (previous_plan_id) WHERE previous_plan_id IS NOT NULL;
