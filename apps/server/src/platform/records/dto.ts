/** Serialisation helpers shared by the CRM record → DTO mappers. */
export const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export const baseDto = (r: {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  version: number;
  archivedAt: Date | null;
}) => ({
  id: r.id,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  createdBy: r.createdBy,
  version: r.version,
  archivedAt: iso(r.archivedAt),
});
