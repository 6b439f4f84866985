-- Changes nothing in the tenant's tables: it fences instances of older versions off the tenant. From this
-- version on, the tenant's transactions and its restore lock a digest of its schema's name
-- (platform.AdvisoryLockKey), no longer hashtext, whose 32 bits a stranger could make his own schema's name
-- share, and so hold every transaction of this tenant with his restore. An older instance takes the other
-- lock and would not wait for a newer instance's restore; once the schema is at this version an older
-- instance answers 503 for the tenant and changes nothing (docs/operations.md), so the two never serve it
-- together during a rolling deployment. The lock below (the older versions' key, exclusively) waits for
-- the transactions such an instance has open on the tenant when it is upgraded.
SELECT pg_advisory_xact_lock(2097177, hashtext(current_schema()));
