-- When a tenant's trial ends, set once at its creation (creation + TENANTS_TRIAL_DAYS); paid-until
-- starts at the same instant. While paid-until still equals it the tenant is in its trial; once an
-- operator records a payment (another paid-until) it is paid. Empty for tenants made without a trial.
ALTER TABLE public.tenant ADD COLUMN trial_ends timestamptz;
