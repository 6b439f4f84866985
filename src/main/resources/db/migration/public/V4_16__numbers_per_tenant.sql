-- Numbers per tenant (issue 19): audit entries and restore points were shown to a tenant's owner
-- and Administrators by their platform-wide ids, so the gap between two of a tenant's told how much
-- every other tenant did meanwhile. Each tenant's entries and points are now numbered 1, 2, … in
-- their own counter, taken in the inserting transaction (the counter row stays locked until it ends,
-- so two inserts of one tenant never take the same number and a rolled-back one leaves no gap for
-- the next). The ids stay, for ordering and for the platform's own trail, and are shown to no tenant.

-- The last number each tenant's restore points handed out; gone with the tenant, as its points.
CREATE TABLE public.restore_point_counter (
    tenant_id bigint NOT NULL PRIMARY KEY REFERENCES public.tenant (id) ON DELETE CASCADE,
    last      bigint NOT NULL CHECK (last > 0)
);

ALTER TABLE public.restore_point ADD COLUMN number bigint;
UPDATE public.restore_point p SET number = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS number FROM public.restore_point) n
WHERE p.id = n.id;
ALTER TABLE public.restore_point ALTER COLUMN number SET NOT NULL;
ALTER TABLE public.restore_point ADD CONSTRAINT restore_point_number_key UNIQUE (tenant_id, number);
INSERT INTO public.restore_point_counter (tenant_id, last)
SELECT tenant_id, max(number) FROM public.restore_point GROUP BY tenant_id;

-- The last number each tenant's trail handed out. No reference to public.tenant: a deleted tenant's
-- entries stay for the platform's trail until retention removes them. The platform's own entries
-- (tenant_id NULL) are shown on the master host only and take no number.
CREATE TABLE public.audit_counter (
    tenant_id bigint NOT NULL PRIMARY KEY,
    last      bigint NOT NULL CHECK (last > 0)
);

ALTER TABLE public.audit_entry ADD COLUMN number bigint;
-- Entries are never changed; numbering those already kept is the one exception, here.
ALTER TABLE public.audit_entry DISABLE TRIGGER audit_entry_unchangeable;
UPDATE public.audit_entry e SET number = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS number
      FROM public.audit_entry WHERE tenant_id IS NOT NULL) n
WHERE e.id = n.id;
-- Entries about a restore point named it by its id: they name it by its number now, or not at all
-- when the point is gone (its number was never shown).
UPDATE public.audit_entry e
SET after = coalesce((SELECT jsonb_set(e.after, '{id}', to_jsonb(p.number)) FROM public.restore_point p
                      WHERE p.tenant_id = e.tenant_id AND p.id = (e.after ->> 'id')::bigint), e.after - 'id')
WHERE e.action IN ('tenant.restore-point', 'tenant.restore-failed') AND (e.after ->> 'id') ~ '^[0-9]+$';
UPDATE public.audit_entry SET before = before - 'id'
WHERE action = 'tenant.restore-point-removed' AND before ->> 'id' IS NOT NULL;
ALTER TABLE public.audit_entry ENABLE TRIGGER audit_entry_unchangeable;
INSERT INTO public.audit_counter (tenant_id, last)
SELECT tenant_id, max(number) FROM public.audit_entry WHERE tenant_id IS NOT NULL GROUP BY tenant_id;
ALTER TABLE public.audit_entry ADD CONSTRAINT audit_entry_numbered
    CHECK ((tenant_id IS NULL) = (number IS NULL));
CREATE UNIQUE INDEX audit_entry_number_idx ON public.audit_entry (tenant_id, number);

