-- Hand-written: the new permission "deals.export" (deals CSV export) for the existing companies' system roles
-- whose templates now include it (contracts access/role-templates.ts: owner, admin, manager, sales agent).
-- New companies get it from the templates; custom roles are left to their admins. The roles trigger of 0012
-- tells every instance to drop its cached permissions.
UPDATE roles SET permissions = array_append(permissions, 'deals.export')
 WHERE is_system AND key IN ('owner', 'admin', 'manager', 'sales')
   AND NOT ('deals.export' = ANY (permissions));
