-- A tenant's access version: it goes up with every change of who may do what in the tenant (its members
-- in public.tenant_member, its groups, their members and their permissions), in the transaction that makes
-- the change (access.AccessVersions). An instance keeps the permissions it read for an account and, on each
-- request, reads this one number instead of the tenant's groups (access.KnownPermissions): a change made on
-- any instance is seen by the next request on every instance, as before.
ALTER TABLE public.tenant_terms ADD COLUMN access_version bigint NOT NULL DEFAULT 0;
