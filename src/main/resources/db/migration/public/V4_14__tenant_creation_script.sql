-- The statements that build a tenant schema at one template version, written once from the template
-- when its version changes (migration.SchemaMigrations, by public.tenantry_creation_script) and
-- replayed under each new tenant's name (public.tenantry_create_schema). Creating a tenant then reads
-- one row here instead of the catalog, whose size grows with the fleet.
CREATE TABLE public.tenant_creation_script (
    version    text        PRIMARY KEY,
    statements text[]      NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
