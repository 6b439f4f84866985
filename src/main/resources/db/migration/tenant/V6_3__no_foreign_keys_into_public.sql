-- Tenant tables name accounts by id without a foreign key into public: each such key put two
-- referential-integrity triggers per tenant on public.account (22,000 at 1,000 tenants), made every
-- new tenant rebuild that table's cache entry with all of them, and made every update of an account
-- walk them. Accounts are never deleted, only deactivated (accounts.AccountDeactivated, on which
-- access.AccountDeparture removes the group memberships the CASCADE below used to remove); the
-- services that write these columns take the id of an existing account (see docs/architecture.md).
-- Named one by one: finding them in the catalog would scan it whole, for every tenant.
ALTER TABLE group_member   DROP CONSTRAINT group_member_account_id_fkey;
ALTER TABLE test_plan      DROP CONSTRAINT test_plan_author_id_fkey;
ALTER TABLE plan_document  DROP CONSTRAINT plan_document_updated_by_fkey;
ALTER TABLE test_case      DROP CONSTRAINT test_case_author_id_fkey;
ALTER TABLE test_case      DROP CONSTRAINT test_case_default_tester_id_fkey;
ALTER TABLE case_change    DROP CONSTRAINT case_change_account_id_fkey;
ALTER TABLE test_run       DROP CONSTRAINT test_run_manager_id_fkey;
ALTER TABLE test_run       DROP CONSTRAINT test_run_default_tester_id_fkey;
ALTER TABLE test_execution DROP CONSTRAINT test_execution_assignee_id_fkey;
ALTER TABLE comment        DROP CONSTRAINT comment_author_id_fkey;
ALTER TABLE attachment     DROP CONSTRAINT attachment_uploaded_by_fkey;
