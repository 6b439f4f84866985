-- Repeatable: Flyway re-creates the function whenever this file changes.
-- Copies one schema (its structure and its rows) into a new one, inside the caller's transaction, so that a
-- tenant is created from the template in milliseconds and all-or-nothing. Names of tables,
-- constraints and indexes are kept, so a clone is identical to a schema built by the migrations.
-- Object kinds it does not copy make it fail loudly instead of producing a different schema.
CREATE OR REPLACE FUNCTION public.tenantry_clone_schema(source text, target text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = pg_catalog
AS $$
DECLARE
    r record;
    definitions text[] := '{}';
    statement text;
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
        RAISE EXCEPTION 'schema % holds objects the clone does not copy: %', source, statement;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = source AND pg_get_expr(ad.adbin, ad.adrelid) LIKE 'nextval(%') THEN
        RAISE EXCEPTION 'schema % has serial columns; use identity columns so clones get their own keys', source;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = source AND NOT t.tgisinternal)
       OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = source)
       OR EXISTS (SELECT 1 FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = source AND t.typtype IN ('e', 'd', 'c')
                     AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)) THEN
        RAISE EXCEPTION 'schema % holds triggers, functions or types, which the clone does not copy', source;
    END IF;

    -- With the source alone on the search_path, definitions print without a schema, so the same
    -- text recreates them in the target.
    PERFORM set_config('search_path', quote_ident(source), true);
    FOR r IN SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, con.conname,
                           pg_get_constraintdef(con.oid)) AS ddl
               FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = source AND con.contype IN ('p', 'u', 'x')
              ORDER BY con.contype, c.relname, con.conname LOOP
        definitions := definitions || r.ddl;
    END LOOP;
    -- pg_get_indexdef qualifies the table whatever the search_path says, so the source is cut out.
    FOR r IN SELECT replace(pg_get_indexdef(i.indexrelid), ' ON ' || quote_ident(source) || '.', ' ON ') AS ddl
               FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
               JOIN pg_namespace n ON n.oid = ic.relnamespace
              WHERE n.nspname = source
                AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)
              ORDER BY ic.relname LOOP
        definitions := definitions || r.ddl;
    END LOOP;
    FOR r IN SELECT format('ALTER TABLE %I ADD CONSTRAINT %I %s', c.relname, con.conname,
                           pg_get_constraintdef(con.oid)) AS ddl
               FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = source AND con.contype = 'f'
              ORDER BY c.relname, con.conname LOOP
        definitions := definitions || r.ddl;
    END LOOP;

    EXECUTE format('CREATE SCHEMA %I', target);
    FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = source AND c.relkind = 'r' ORDER BY c.relname LOOP
        EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING ALL EXCLUDING INDEXES)',
                       target, r.relname, source, r.relname);
        -- Before any constraint exists, so the order of tables does not matter: the template's
        -- rows are the seed of every tenant (built-in groups, the migration history).
        EXECUTE format('INSERT INTO %I.%I OVERRIDING SYSTEM VALUE SELECT * FROM %I.%I',
                       target, r.relname, source, r.relname);
    END LOOP;
    -- Each identity sequence takes the source's state as it is: type, start, bounds, increment,
    -- cache, cycling, value and whether that value was handed out. Deriving it (from the copied rows,
    -- or from 1) would restart a START WITH 1000 column at 1 and fail outright under MINVALUE 1000.
    FOR r IN SELECT c.relname, a.attname, s.seqrelid, s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                    s.seqcache, s.seqcycle
               FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_depend d ON d.refobjid = c.oid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
                               AND d.classid = 'pg_class'::regclass
               JOIN pg_sequence s ON s.seqrelid = d.objid
              WHERE n.nspname = source AND c.relkind = 'r' AND a.attidentity <> '' LOOP
        statement := pg_get_serial_sequence(quote_ident(target) || '.' || quote_ident(r.relname), r.attname);
        EXECUTE format('ALTER SEQUENCE %s AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s',
                       statement, format_type(r.seqtypid, NULL), r.seqincrement, r.seqmin, r.seqmax, r.seqstart,
                       r.seqcache, CASE WHEN r.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END);
        EXECUTE format('SELECT setval(%L, last_value, is_called) FROM %s', statement, r.seqrelid::regclass);
    END LOOP;
    PERFORM set_config('search_path', quote_ident(target), true);
    FOREACH statement IN ARRAY definitions LOOP
        EXECUTE statement;
    END LOOP;
END;
$$;
