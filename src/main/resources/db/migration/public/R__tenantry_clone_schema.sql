-- Repeatable: Flyway re-creates these functions whenever this file changes.
-- A tenant schema is built by replaying statements written once per template version, not by
-- reading the catalog at each creation: the catalog grows with every tenant, so reading it made a
-- creation cost 60 ms at 30 tenants and 2 s at 3,000. Names of tables, constraints, indexes and
-- sequences are kept, so a new tenant is identical to a schema built by the migrations; object kinds
-- the script does not write make its writing fail loudly instead of producing a different schema.
DROP FUNCTION IF EXISTS public.tenantry_clone_schema(text, text);

-- The statements (unqualified, for a search_path holding only the new schema) that rebuild the
-- schema `source`, its rows included: tables with their columns, defaults, identities and checks,
-- rows, sequence states, then keys, indexes and foreign keys. Reads the catalog: run once per
-- template version (migration.SchemaMigrations), never per tenant.
CREATE OR REPLACE FUNCTION public.tenantry_creation_script(source text) RETURNS text[]
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
DECLARE
    r record;
    script text[] := '{}';
    columns text;
    statement text;
    state record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = source) THEN
        RAISE EXCEPTION 'template schema % does not exist', source;
    END IF;

    SELECT string_agg(format('%s (%s)', c.relname, c.relkind), ', ') INTO statement
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = source
       AND (c.relkind IN ('v', 'm', 'f', 'p')
            OR (c.relkind = 'S' AND NOT EXISTS (
                    SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')));
    IF statement IS NOT NULL THEN
        RAISE EXCEPTION 'schema % holds objects the creation script does not write: %', source, statement;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = source AND pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%') THEN
        RAISE EXCEPTION 'schema % has serial columns; use identity columns so tenants get their own keys', source;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = source AND NOT t.tgisinternal)
       OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = source)
       OR EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = source AND t.typtype IN ('e', 'd', 'c')
                     AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)) THEN
        RAISE EXCEPTION 'schema % holds triggers, functions or types, which the creation script does not write', source;
    END IF;
    -- A foreign key into a shared table puts two triggers on that table for every tenant.
    SELECT string_agg(format('%s.%s', c.relname, con.conname), ', ') INTO statement
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_class referenced ON referenced.oid = con.confrelid
     WHERE n.nspname = source AND con.contype = 'f' AND referenced.relnamespace <> n.oid;
    IF statement IS NOT NULL THEN
        RAISE EXCEPTION 'schema % has foreign keys out of the schema, which would add triggers to a shared table for each tenant: %',
            source, statement;
    END IF;

    -- With the source alone on the search_path, definitions print without a schema, so the same
    -- text builds them in the new schema.
    PERFORM set_config('search_path', quote_ident(source), true);
    FOR r IN SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = source AND c.relkind = 'r' ORDER BY c.relname LOOP
        SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod))
                   || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                           THEN ' COLLATE ' || a.attcollation::regcollation::text ELSE '' END
                   || CASE WHEN a.attgenerated = 's' THEN format(' GENERATED ALWAYS AS (%s) STORED', pg_get_expr(ad.adbin, ad.adrelid))
                           WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) ELSE '' END
                   || CASE WHEN a.attidentity <> '' THEN format(
                               ' GENERATED %s AS IDENTITY (SEQUENCE NAME %I INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s)',
                               CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END, sc.relname, s.seqincrement,
                               s.seqmin, s.seqmax, s.seqstart, s.seqcache, CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END)
                           ELSE '' END
                   || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END,
                   ', ' ORDER BY a.attnum) INTO columns
          FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
          LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
          LEFT JOIN pg_depend d ON a.attidentity <> '' AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum
                                AND d.deptype = 'i' AND d.classid = 'pg_class'::regclass
          LEFT JOIN pg_sequence s ON s.seqrelid = d.objid
          LEFT JOIN pg_class sc ON sc.oid = s.seqrelid
         WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped;
        script := script || format('CREATE TABLE %I (%s)', r.relname, columns);
        FOR statement IN SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', r.relname, con.conname,
                                       pg_get_constraintdef(con.oid))
                           FROM pg_constraint con WHERE con.conrelid = r.oid AND con.contype = 'c'
                          ORDER BY con.conname LOOP
            script := script || statement;
        END LOOP;
        -- The template's rows are the seed of every tenant (built-in groups, the migration history).
        EXECUTE format('SELECT json_agg(t) FROM %I.%I t', source, r.relname) INTO statement;
        IF statement IS NOT NULL THEN
            script := script || format('INSERT INTO %I OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::%I, %L)',
                                       r.relname, r.relname, statement);
        END IF;
    END LOOP;
    -- Each identity sequence goes on from where the source's is: its value and whether it was handed out.
    FOR r IN SELECT s.seqrelid, sc.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_depend d ON d.refobjid = c.oid AND d.deptype = 'i' AND d.classid = 'pg_class'::regclass
               JOIN pg_sequence s ON s.seqrelid = d.objid
               JOIN pg_class sc ON sc.oid = s.seqrelid
              WHERE n.nspname = source AND c.relkind = 'r' ORDER BY sc.relname LOOP
        EXECUTE format('SELECT last_value, is_called FROM %s', r.seqrelid::regclass) INTO state;
        script := script || format('SELECT setval(%L, %s, %s)', quote_ident(r.relname), state.last_value,
                                   CASE WHEN state.is_called THEN 'true' ELSE 'false' END);
    END LOOP;
    FOR statement IN SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, con.conname,
                                   pg_get_constraintdef(con.oid))
                       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
                       JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = source AND con.contype IN ('p', 'u', 'x')
                      ORDER BY con.contype, c.relname, con.conname LOOP
        script := script || statement;
    END LOOP;
    -- pg_get_indexdef qualifies the table whatever the search_path says, so the source is cut out.
    FOR statement IN SELECT replace(pg_get_indexdef(i.indexrelid), ' ON ' || quote_ident(source) || '.', ' ON ')
                       FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                       JOIN pg_namespace n ON n.oid = ic.relnamespace
                      WHERE n.nspname = source
                        AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
                      ORDER BY ic.relname LOOP
        script := script || statement;
    END LOOP;
    FOR statement IN SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, con.conname,
                                   pg_get_constraintdef(con.oid))
                       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
                       JOIN pg_namespace n ON n.oid = c.relnamespace
                      WHERE n.nspname = source AND con.contype = 'f'
                      ORDER BY c.relname, con.conname LOOP
        script := script || statement;
    END LOOP;
    RETURN script;
END;
$$;

-- Creates the schema `target` and replays in it the creation script stored for `version`, inside the
-- caller's transaction (all-or-nothing). Reads one row of public.tenant_creation_script and touches
-- only the new schema's objects: its cost does not grow with the number of tenants.
CREATE OR REPLACE FUNCTION public.tenantry_create_schema(target text, version text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
DECLARE
    script text[];
    statement text;
BEGIN
    SELECT s.statements INTO script FROM public.tenant_creation_script s WHERE s.version = tenantry_create_schema.version;
    IF script IS NULL THEN
        RAISE EXCEPTION 'no creation script for tenant version %; the template is written at start-up', version;
    END IF;
    EXECUTE format('CREATE SCHEMA %I', target);
    PERFORM set_config('search_path', quote_ident(target), true);
    FOREACH statement IN ARRAY script LOOP
        EXECUTE statement;
    END LOOP;
END;
$$;

-- Scripts written by an earlier version of the functions above are written again at the next start.
DELETE FROM public.tenant_creation_script;
