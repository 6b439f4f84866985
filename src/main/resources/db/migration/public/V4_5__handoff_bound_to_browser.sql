-- A hand-off code works only in the browser that asked for it: the tenant host keeps a state in a
-- cookie of its own, the code stores its digest; and it leads back only to the path on that tenant's
-- host it was made for, never to an address the link carries.
ALTER TABLE public.single_use_token ADD COLUMN state_hash bytea;
ALTER TABLE public.single_use_token ADD COLUMN return_path text
    CHECK (return_path LIKE '/%' AND return_path NOT LIKE '//%');
