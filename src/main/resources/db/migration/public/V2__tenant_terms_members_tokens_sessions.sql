-- Who owns a tenant and on what terms, who may enter it, and how callers prove who they are.
ALTER TABLE public.tenant
    ADD COLUMN owner_id          bigint REFERENCES public.account (id),
    ADD COLUMN organization      text    NOT NULL DEFAULT '',
    ADD COLUMN publicly_readable boolean NOT NULL DEFAULT false,
    ADD COLUMN paid_until        timestamptz;

-- A tenant's authorized users. Kept here, not in the tenant schema, so that "my tenants" and
-- deactivating an account are one query each, whatever the number of tenants.
CREATE TABLE public.tenant_member (
    tenant_id  bigint      NOT NULL REFERENCES public.tenant (id) ON DELETE CASCADE,
    account_id bigint      NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    since      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, account_id)
);
CREATE INDEX tenant_member_account_idx ON public.tenant_member (account_id);

-- One row per browser sign-in; every host's session made from it ends when it ends.
CREATE TABLE public.sign_in (
    id         text        PRIMARY KEY,
    account_id bigint      NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    ended_at   timestamptz
);
CREATE INDEX sign_in_account_idx ON public.sign_in (account_id);

-- Personal API tokens: only a SHA-256 of the token is kept; the token is shown once.
CREATE TABLE public.api_token (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   bigint      NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    name         text        NOT NULL,
    token_hash   bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    CONSTRAINT api_token_hash_unique UNIQUE (token_hash)
);
CREATE INDEX api_token_account_idx ON public.api_token (account_id);

-- Links that work once and expire: sign-in hand-offs to a tenant host, password resets.
CREATE TABLE public.single_use_token (
    token_hash bytea       PRIMARY KEY,
    purpose    text        NOT NULL,
    account_id bigint      NOT NULL REFERENCES public.account (id) ON DELETE CASCADE,
    tenant_id  bigint      REFERENCES public.tenant (id) ON DELETE CASCADE,
    sign_in_id text        REFERENCES public.sign_in (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);
CREATE INDEX single_use_token_expires_idx ON public.single_use_token (expires_at);
