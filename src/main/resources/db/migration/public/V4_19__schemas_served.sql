-- What each pooled connection's backend has served (issue 18, bounded database memory): PostgreSQL keeps
-- the catalog entries and plans of every tenant schema a backend touched until the backend ends, about
-- 100 KB a schema. Called whenever a connection is pointed at a tenant's schema (tenancy.SchemasServed),
-- this notes the schema in the backend's own session setting tenantry.schemas_served (',a,b,', gone with
-- the backend) and, once more than `most` distinct schemas are noted, marks the connection to be retired
-- (tenantry.retire, also gone with the backend), which the pool's validation (pool.PooledConnectionCheck)
-- reads when it asks whether the connection answers, and then closes it there, where no transaction holds it.
-- Session-level settings made in a transaction that rolls back are undone, so a schema noted by one that
-- failed is noted again by the next. Returns how many schemas the backend has served, or 0 when this one
-- was already noted.
CREATE FUNCTION public.tenantry_serve_schema(schema_name text, most integer) RETURNS integer
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    served text := coalesce(nullif(current_setting('tenantry.schemas_served', true), ''), ',');
    served_count integer;
BEGIN
    IF strpos(served, ',' || schema_name || ',') > 0 THEN
        RETURN 0;
    END IF;
    served := served || schema_name || ',';
    PERFORM set_config('tenantry.schemas_served', served, false);
    served_count := length(served) - length(replace(served, ',', '')) - 1;
    IF served_count > most THEN
        PERFORM set_config('tenantry.retire', 'served ' || served_count || ' schemas', false);
    END IF;
    RETURN served_count;
END
$$;
