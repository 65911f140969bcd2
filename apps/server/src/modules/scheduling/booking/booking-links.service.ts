import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { tenants } from '../../identity/index.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';

/** The public booking pages of the caller's company: one per live type with public booking on. */
export const bookingLinks = (ctx: AuthedContext, appUrl: string) =>
  kit.inTenant(ctx, async (t) => {
    const [tenant] = await t.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, ctx.tenantId));
    const types = await t
      .select({ id: appointmentTypes.id, name: appointmentTypes.name, slug: appointmentTypes.slug })
      .from(appointmentTypes)
      .where(
        and(
          eq(appointmentTypes.tenantId, ctx.tenantId),
          eq(appointmentTypes.publicBooking, true),
          isNull(appointmentTypes.archivedAt),
        ),
      )
      .orderBy(asc(appointmentTypes.name), asc(appointmentTypes.id));
    return types.map((type) => {
      const path = `/book/${tenant?.slug ?? ''}/${type.slug}`;
      return { typeId: type.id, name: type.name, path, url: `${appUrl}${path}` };
    });
  });
