-- xp_assert(condition, code): raises SQLSTATE XP000 with `code` as the message
-- unless the condition is true. Statements sent together in one round trip
-- (src/db/pipeline.ts) check their own outcome with it, so a step that did not
-- happen as expected rolls the whole pipeline back. VOLATILE so the planner
-- never evaluates it ahead of time.
CREATE FUNCTION xp_assert(ok boolean, code text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION USING ERRCODE = 'XP000', MESSAGE = code;
  END IF;
  RETURN true;
END
$$;
