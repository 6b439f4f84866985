-- Takes a fleet upgraded by the bench-upgrade build (bench/upgrade, V99_1) back to tenant version 6.3, so that
-- bench/fleet.sh can time the upgrade again on a kept fleet: psql -f bench/undo-bench-upgrade.sql on its database.
DO $$
DECLARE s text; n int := 0;
BEGIN
  FOR s IN SELECT schema_name FROM public.tenant UNION ALL SELECT '_template' LOOP
    IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(quote_ident(s) || '.product') AND attname = 'bench_upgrade_note' AND NOT attisdropped) THEN
      EXECUTE format('ALTER TABLE %I.product DROP COLUMN bench_upgrade_note', s);
      EXECUTE format('DELETE FROM %I.flyway_schema_history WHERE version = %L', s, '99.1');
    END IF;
    n := n + 1;
    IF n % 200 = 0 THEN COMMIT; END IF;
  END LOOP;
  UPDATE public.tenant SET schema_version = '6.3' WHERE schema_version = '99.1';
  COMMIT;
END $$;
DELETE FROM public.tenant_creation_script WHERE version = '99.1';
SELECT schema_version, count(*) FROM public.tenant GROUP BY 1;
