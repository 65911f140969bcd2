-- btree_gin lets a GIN index start with tenant_id (uuid), so trigram search and tag indexes are per tenant.
CREATE EXTENSION IF NOT EXISTS btree_gin;
