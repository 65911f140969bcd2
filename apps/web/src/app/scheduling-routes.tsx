import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';
import { usePeopleDirectory } from './use-people-directory';

const CalendarPage = lazyComponent(() =>
  import('../features/scheduling-calendar/components/calendar-page').then((m) => m.CalendarPage),
);
const MyDayPage = lazyComponent(() =>
  import('../features/scheduling-calendar/components/my-day-page').then((m) => m.MyDayPage),
);
const AvailabilityPage = lazyComponent(() =>
  import('../features/scheduling-calendar/components/availability-page').then((m) => m.AvailabilityPage),
);
const AppointmentTypesPage = lazyComponent(() =>
  import('../features/scheduling-calendar/components/appointment-types-page').then(
    (m) => m.AppointmentTypesPage,
  ),
);

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

function CalendarRoute() {
  return <CalendarPage directory={usePeopleDirectory()} />;
}
function AvailabilityRoute() {
  return <AvailabilityPage directory={usePeopleDirectory()} />;
}
function AppointmentTypesRoute() {
  return <AppointmentTypesPage directory={usePeopleDirectory()} />;
}

/** The scheduling module's screens: the calendar (day, week, team) and the agent's "my day". */
export const schedulingRoutes: RouteObject[] = [
  guarded('scheduling', 'appointments.view', <CalendarRoute />),
  guarded('my-day', 'appointments.view', <MyDayPage />),
];

/** Its settings pages (under /settings): agents' availability and appointment types. */
export const schedulingSettingsRoutes: RouteObject[] = [
  guarded('availability', 'availability.manage', <AvailabilityRoute />),
  guarded('appointment-types', 'booking.manage', <AppointmentTypesRoute />),
];
