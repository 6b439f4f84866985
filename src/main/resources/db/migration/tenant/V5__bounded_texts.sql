-- Every text a tenant's tables hold has a bound here, in the database, so that no way in (the API,
-- the pages, an imported archive, whatever comes later) keeps more than the services allow: a
-- tenant owner could otherwise store texts of megabytes that every list request then holds in the
-- shared heap. Each bound is the limit the service applies (InputRules in the workspace, group names
-- in access.Groups, file names in Attachments.cleanName); a history row's old and new values are as
-- long as the longest field they copy; coded values (status, subject, permission, field) are small.
-- The product's description, which no service bounded, takes as much as a comment.
--
-- Constraints are named <table>_<column>_length: the archive import reads the bounds from them
-- (archive.TableShape), so this file is their one source; a new text column gets its bound in the
-- migration that adds it.
--
-- No tenant's upgrade fails on its old data: each bound is added validated where every existing row
-- already keeps it (a fresh or cloned schema always does, so both paths build the same schema), and
-- NOT VALID where some row does not (one imported before these bounds): such rows stay readable and
-- deletable, every new or changed row is held to the bound. Validating reads the table once per
-- column; a tenant's tables are small enough for that during its upgrade.
DO $$
DECLARE
    bound record;
BEGIN
    FOR bound IN SELECT * FROM (VALUES
            ('product', 'name', 200),
            ('product', 'description', 10000),
            ('product_version', 'value', 200),
            ('build', 'name', 100),
            ('test_plan', 'name', 200),
            ('plan_document', 'text', 200000),
            ('test_case', 'summary', 500),
            ('test_case', 'preconditions', 20000),
            ('test_case', 'steps', 20000),
            ('test_case', 'expected_results', 20000),
            ('test_case', 'status', 20),
            ('test_case', 'category', 100),
            ('case_tag', 'tag', 50),
            ('case_change', 'field', 50),
            ('case_change', 'old_value', 20000),
            ('case_change', 'new_value', 20000),
            ('test_run', 'summary', 500),
            ('test_execution', 'status', 20),
            ('test_execution', 'comment', 10000),
            ('comment', 'subject', 20),
            ('comment', 'text', 10000),
            ('attachment', 'subject', 20),
            ('attachment', 'file_name', 200),
            -- RFC 6838: a type and a subtype of at most 127 characters each
            ('attachment', 'content_type', 255),
            ('access_group', 'name', 60),
            ('group_permission', 'permission', 50)
        ) AS b (table_name, column_name, most) LOOP
        BEGIN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (char_length(%I) <= %s)', bound.table_name,
                           bound.table_name || '_' || bound.column_name || '_length', bound.column_name, bound.most);
        EXCEPTION WHEN check_violation THEN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (char_length(%I) <= %s) NOT VALID',
                           bound.table_name, bound.table_name || '_' || bound.column_name || '_length',
                           bound.column_name, bound.most);
        END;
    END LOOP;
END;
$$;
