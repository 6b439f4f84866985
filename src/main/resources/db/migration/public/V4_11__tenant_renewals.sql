-- The history of a tenant's paid periods (issue 20): each renewal a super-user or an operator's
-- billing system records extends paid-until to period_end; the rows stay as the history the owner
-- and the super-user read. Gone with the tenant.
CREATE TABLE public.tenant_renewal (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint      NOT NULL REFERENCES public.tenant (id) ON DELETE CASCADE,
    period_start timestamptz NOT NULL,
    period_end   timestamptz NOT NULL CHECK (period_end > period_start),
    months       integer     CHECK (months BETWEEN 1 AND 120),
    recorded_by  bigint      REFERENCES public.account (id) ON DELETE SET NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tenant_renewal_tenant_idx ON public.tenant_renewal (tenant_id, period_end);
