-- Invitations numbered per tenant, and API tokens per account (issue 19), as audit entries and restore points are (V4_16): their
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

-- API tokens numbered per account, for the same reason: /api/me/tokens showed their platform-wide
-- ids to anyone who registers, and two tokens made a while apart told how many every other account
-- made meanwhile. Gone with the account, as its tokens.
CREATE TABLE public.api_token_counter (
    account_id bigint NOT NULL PRIMARY KEY REFERENCES public.account (id) ON DELETE CASCADE,
    last       bigint NOT NULL CHECK (last > 0)
);

ALTER TABLE public.api_token ADD COLUMN number bigint;
UPDATE public.api_token t SET number = n.number
FROM (SELECT id, row_number() OVER (PARTITION BY account_id ORDER BY id) AS number FROM public.api_token) n
WHERE t.id = n.id;
ALTER TABLE public.api_token ALTER COLUMN number SET NOT NULL;
ALTER TABLE public.api_token ADD CONSTRAINT api_token_number_key UNIQUE (account_id, number);
INSERT INTO public.api_token_counter (account_id, last)
SELECT account_id, max(number) FROM public.api_token GROUP BY account_id;
