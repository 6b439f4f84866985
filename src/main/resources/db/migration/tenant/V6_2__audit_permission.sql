-- Reading the tenant's audit trail (permission tenant.audit): the built-in Administrator group has it.
INSERT INTO group_permission (group_id, permission)
SELECT id, 'tenant.audit' FROM access_group WHERE built_in AND name = 'Administrator'
ON CONFLICT DO NOTHING;
