-- A tenant's terms (owner, organization, readability, paid-until, trial, extra addresses, navigation
-- text) are access's rules, kept in access's own table; public.tenant keeps what routing and
-- provisioning need. One row per tenant, gone with it. The constraints are those the columns had
-- on public.tenant (V2, V3, V4_6).
CREATE TABLE public.tenant_terms (
    tenant_id         bigint      PRIMARY KEY REFERENCES public.tenant (id) ON DELETE CASCADE,
    owner_id          bigint      REFERENCES public.account (id),
    organization      text        NOT NULL DEFAULT '',
    publicly_readable boolean     NOT NULL DEFAULT false,
    paid_until        timestamptz,
    extra_emails      text[]      NOT NULL DEFAULT '{}',
    nav_text          text        NOT NULL DEFAULT '',
    trial_ends        timestamptz
);

INSERT INTO public.tenant_terms (tenant_id, owner_id, organization, publicly_readable, paid_until, extra_emails,
        nav_text, trial_ends)
    SELECT id, owner_id, organization, publicly_readable, paid_until, extra_emails, nav_text, trial_ends
    FROM public.tenant;

ALTER TABLE public.tenant
    DROP COLUMN owner_id,
    DROP COLUMN organization,
    DROP COLUMN publicly_readable,
    DROP COLUMN paid_until,
    DROP COLUMN extra_emails,
    DROP COLUMN nav_text,
    DROP COLUMN trial_ends;
