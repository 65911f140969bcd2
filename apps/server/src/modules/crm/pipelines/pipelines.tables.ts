import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns } from '../record-columns.ts';
import { tenantKey } from '../table-helpers.ts';

export const pipelines = pgTable(
  'pipelines',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [
    tenantKey('pipelines_tenant_id_key', t),
    uniqueIndex('pipelines_tenant_default_key').on(t.tenantId).where(sql`is_default`),
  ],
);

export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    ...recordColumns(),
    pipelineId: uuid('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull(),
    kind: text('kind', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
  },
  (t) => [
    tenantKey('pipeline_stages_tenant_id_key', t),
    foreignKey({
      name: 'pipeline_stages_pipeline_fk',
      columns: [t.tenantId, t.pipelineId],
      foreignColumns: [pipelines.tenantId, pipelines.id],
    }).onDelete('cascade'),
    index('pipeline_stages_pipeline_idx').on(t.tenantId, t.pipelineId, t.position),
    check('pipeline_stages_probability', sql`probability between 0 and 100`),
  ],
);
