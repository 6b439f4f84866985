-- Tenant schemas built ahead of need (provisioning.ReadySchemas): each is named _ready_<random>, built
-- by the creation script of its version, and taken by one creation, which renames it to its tenant's
-- schema in the creation's transaction. A script written again (R__tenantry_clone_schema deletes the
-- scripts when the functions change) takes its ready schemas' rows with it; the schemas left without
-- a row are dropped at the next start.
CREATE TABLE public.ready_schema (
    schema_name text        PRIMARY KEY,
    version     text        NOT NULL REFERENCES public.tenant_creation_script (version) ON DELETE CASCADE,
    built_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ready_schema_by_version ON public.ready_schema (version);
