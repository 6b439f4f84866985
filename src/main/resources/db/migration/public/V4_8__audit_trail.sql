-- The audit trail (io.tenantry.audit): one row per change of who may do what or of a tenant's life,
-- written in the changing transaction. The tenant is kept by id and label as they were: a deleted
-- tenant's entries stay for the platform's trail until retention removes them, and a new tenant of
-- the same label (a new id) never shows them.
CREATE TABLE public.audit_entry (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL DEFAULT now(),
    tenant_id      bigint,
    tenant_label   text        NOT NULL DEFAULT '',
    actor          text        NOT NULL,
    action         text        NOT NULL,
    subject        text        NOT NULL DEFAULT '',
    client_address text        NOT NULL DEFAULT '',
    host           text        NOT NULL DEFAULT '',
    before         jsonb       NOT NULL DEFAULT '{}',
    after          jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entry_tenant_idx ON public.audit_entry (tenant_id, id);
CREATE INDEX audit_entry_at_idx ON public.audit_entry (at);

-- Entries are never changed: only retention deletes them (io.tenantry.audit.AuditRetention).
CREATE FUNCTION public.audit_entry_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are not changed';
END $$;
CREATE TRIGGER audit_entry_unchangeable BEFORE UPDATE ON public.audit_entry
    FOR EACH ROW EXECUTE FUNCTION public.audit_entry_unchangeable();
