-- Master-managed models: visible and editable only from the master tenant (see admin.MasterOnly).
CREATE TABLE public.subscription_plan (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL,
    description text        NOT NULL DEFAULT '',
    price_cents integer     NOT NULL CHECK (price_cents >= 0),
    currency    text        NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
    max_members integer     CHECK (max_members > 0),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT subscription_plan_name_unique UNIQUE (name)
);

CREATE TABLE public.announcement (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message    text        NOT NULL,
    severity   text        NOT NULL DEFAULT 'INFO' CHECK (severity IN ('INFO', 'WARNING')),
    starts_at  timestamptz NOT NULL DEFAULT now(),
    ends_at    timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);

-- What the owner shows of the tenant, and whom else it writes to.
ALTER TABLE public.tenant
    ADD COLUMN extra_emails text[] NOT NULL DEFAULT '{}',
    ADD COLUMN nav_text     text   NOT NULL DEFAULT '';

-- Who may create tenants when creation is not open to everyone (TENANT_CREATION=permitted).
ALTER TABLE public.account ADD COLUMN may_create_tenants boolean NOT NULL DEFAULT false;
-- An account made by an invitation cannot sign in until its owner has chosen a password.
ALTER TABLE public.account ADD COLUMN password_set boolean NOT NULL DEFAULT true;

-- Invitations to a tenant, by e-mail address; the link itself is a single_use_token.
CREATE TABLE public.invitation (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    bigint      NOT NULL REFERENCES public.tenant (id) ON DELETE CASCADE,
    email        text        NOT NULL CHECK (email = lower(email)),
    account_id   bigint      NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    invited_by   bigint      REFERENCES public.account (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_sent_at timestamptz NOT NULL DEFAULT now(),
    accepted_at  timestamptz,
    CONSTRAINT invitation_per_tenant_unique UNIQUE (tenant_id, email)
);
CREATE INDEX invitation_account_idx ON public.invitation (account_id);
