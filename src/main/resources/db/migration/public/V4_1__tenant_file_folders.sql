-- A tenant's files live in a folder named for this tenant's life, never by its label (labels are
-- used again after a deletion): a UUID chosen at creation. Tenants made before keep the folder
-- they have, named after their schema; no later tenant gets a folder of that form.
ALTER TABLE public.tenant ADD COLUMN files_folder text;
UPDATE public.tenant SET files_folder = schema_name;
ALTER TABLE public.tenant
    ALTER COLUMN files_folder SET NOT NULL,
    ADD CONSTRAINT tenant_files_folder_unique UNIQUE (files_folder);

-- A deletion first takes the tenant out of service on every instance ('deleting'), then drops it;
-- a tenant found 'deleting' at start-up had its deletion interrupted, and it is finished then.
ALTER TABLE public.tenant
    ADD COLUMN state text NOT NULL DEFAULT 'active',
    ADD CONSTRAINT tenant_state_known CHECK (state IN ('active', 'deleting'));
