-- Every tenant is on a subscription plan (issue 20), one of its terms. Tenants that exist keep what
-- they could do: they go on the plan named 'Standard', made here without a member limit when no plan
-- of that name exists (an operator's own 'Standard' is kept as it is, limits included). New tenants
-- get the plan TENANTS_DEFAULT_PLAN names ('Standard' unless set). A plan a tenant is on cannot be
-- removed (the foreign key; the service says so first).
INSERT INTO public.subscription_plan (name, description, price_cents)
    VALUES ('Standard', '', 0)
    ON CONFLICT (name) DO NOTHING;

ALTER TABLE public.tenant_terms ADD COLUMN plan_id bigint REFERENCES public.subscription_plan (id);
UPDATE public.tenant_terms SET plan_id = (SELECT id FROM public.subscription_plan WHERE name = 'Standard');
ALTER TABLE public.tenant_terms ALTER COLUMN plan_id SET NOT NULL;

CREATE INDEX tenant_terms_plan_idx ON public.tenant_terms (plan_id);
-- The per-owner quota counts an account's tenants (TENANTS_PER_OWNER).
CREATE INDEX tenant_terms_owner_idx ON public.tenant_terms (owner_id);
