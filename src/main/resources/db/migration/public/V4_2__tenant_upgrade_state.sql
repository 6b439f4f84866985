-- Where each tenant's upgrade stands, for every instance to read alike (its 503 page, readiness,
-- platform administration): pending, running, or failed with the reason, the attempts so far and
-- when the back-off tries again. A tenant without a row is current, or not yet looked at.
CREATE TABLE public.tenant_upgrade (
    tenant_id       bigint      PRIMARY KEY REFERENCES public.tenant (id) ON DELETE CASCADE,
    state           text        NOT NULL CHECK (state IN ('pending', 'running', 'failed')),
    reason          text        NOT NULL DEFAULT '',
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    changed_at      timestamptz NOT NULL DEFAULT now()
);
