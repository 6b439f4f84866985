-- Only in the bench-upgrade build (bench/fleet.sh): a small migration of the kind a release brings, so
-- that timing it across the fleet measures the upgrade machinery rather than the migration.
ALTER TABLE product ADD COLUMN bench_upgrade_note text;
CREATE INDEX product_bench_upgrade_note_idx ON product (bench_upgrade_note);
