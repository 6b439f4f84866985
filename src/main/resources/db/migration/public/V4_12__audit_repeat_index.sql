-- Finds a recent entry of the same tenant, action and actor, so that an attempt anyone may repeat at
-- will (a tenant host's sign-in from a public host's session) is recorded once an hour, not on every
-- repetition (audit.AuditWriter, Audited.notAgainWithin).
CREATE INDEX audit_entry_repeat_idx ON public.audit_entry (tenant_id, action, actor, at);
