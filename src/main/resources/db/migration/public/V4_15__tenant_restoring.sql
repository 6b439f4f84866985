-- A restore in progress, seen by every instance (issue 19): the instance restoring a tenant sets
-- restoring_until a minute ahead and moves it on while it works; every instance answers the tenant
-- 503 until then. An instance that dies mid-restore stops moving it, so the tenant is served again
-- at most a minute later (the restore's transaction rolled back with the connection: nothing changed).
ALTER TABLE public.tenant ADD COLUMN restoring_until timestamptz;
