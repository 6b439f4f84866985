-- Restore points (issue 19): an archive of one tenant kept by the server, in RESTORE_POINTS_DIR as
-- tenant-<tenant id>/<file_key>.zip. The row says what the file holds; the file is moved into place in
-- the transaction that inserts the row, and removed when the row goes. Gone with the tenant. The file
-- is named by a random key, not by ids: ids are handed out again once the database is put back from
-- a backup, and a file left from after that backup must never be found as another point.
CREATE TABLE public.restore_point (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id      bigint      NOT NULL REFERENCES public.tenant (id) ON DELETE CASCADE,
    taken_at       timestamptz NOT NULL DEFAULT now(),
    size_bytes     bigint      NOT NULL CHECK (size_bytes >= 0),
    format         integer     NOT NULL,
    schema_version text        NOT NULL,
    reason         text        NOT NULL CHECK (reason IN ('scheduled', 'before-restore', 'manual')),
    file_key       uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid()
);
CREATE INDEX restore_point_tenant_idx ON public.restore_point (tenant_id, taken_at DESC);

-- The day each tenant's scheduled point was claimed: the instance whose insert or update changes
-- the row takes that day's point, so two instances never take the same tenant's point twice.
CREATE TABLE public.restore_point_day (
    tenant_id bigint NOT NULL PRIMARY KEY REFERENCES public.tenant (id) ON DELETE CASCADE,
    day       date   NOT NULL
);
