-- Row-level security for the CRM tables. Hand-written (drizzle-kit generate --custom).
SELECT tessera_enable_tenant_rls(t) FROM unnest(ARRAY[
  'companies', 'contacts', 'lead_vendors', 'leads', 'pipelines', 'pipeline_stages', 'deals',
  'activities', 'tasks', 'import_jobs', 'import_chunks', 'saved_views'
]::regclass[]) AS t;
