-- Invitations numbered per tenant (issue 19), as audit entries and restore points are (V4_16): their
-- platform-wide ids were shown to a tenant's Administrators (/api/invitations, its Location headers),
-- and the gap between two of a tenant's told how many invitations every other tenant sent meanwhile.
-- A tenant's invitation takes the next number of its counter in the inserting transaction; the id
-- stays as the row's key and is shown to no one.
CREATE TABLE public.invitation_counter (
    tenant_id bigint NOT NULL PRIMARY KEY REFERENCES public.tenant (id) ON DELETE CASCADE,
    last      bigint NOT NULL CHECK (last > 0)
);

ALTER TABLE public.invitation ADD COLUMN number bigint;
UPDATE public.invitation i SET number = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS number FROM public.invitation) n
WHERE i.id = n.id;
ALTER TABLE public.invitation ALTER COLUMN number SET NOT NULL;
ALTER TABLE public.invitation ADD CONSTRAINT invitation_number_key UNIQUE (tenant_id, number);
INSERT INTO public.invitation_counter (tenant_id, last)
SELECT tenant_id, max(number) FROM public.invitation GROUP BY tenant_id;
