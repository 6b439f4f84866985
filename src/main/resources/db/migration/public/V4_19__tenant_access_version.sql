-- Counts the changes to who may do what in a tenant: its members (public.tenant_member), its groups,
-- their members and their permissions. Each change adds one in its own transaction
-- (access.MembershipChanges), so an instance may keep the permissions it read for an account and, on
-- each request, read this one number instead of the tenant's groups (access.KnownPermissions): a
-- change made on any instance is seen by the next request on every instance, as before.
ALTER TABLE public.tenant_terms ADD COLUMN access_version bigint NOT NULL DEFAULT 0;
