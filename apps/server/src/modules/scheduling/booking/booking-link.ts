import { signRecordLink, verifyRecordLink } from '../../../platform/auth/index.ts';

/**
 * The visitor's manage link of a booked appointment (view, cancel, reschedule): a signed record link with the
 * purpose `booking-link`, valid until 30 days after the appointment's end. A reschedule mails a fresh one.
 */
const PURPOSE = 'booking-link';
const VALID_AFTER_END_S = 30 * 86_400;

export const bookingToken = (secret: string, row: { tenantId: string; id: string; endsAt: Date }) =>
  signRecordLink(secret, PURPOSE, {
    tenantId: row.tenantId,
    recordId: row.id,
    expires: Math.floor(row.endsAt.getTime() / 1000) + VALID_AFTER_END_S,
  });

/** The tenant and appointment a valid, unexpired token names; null for anything else. */
export const readBookingToken = (secret: string, token: string, now = Date.now()) => {
  const link = verifyRecordLink(secret, PURPOSE, token, now);
  return link && { tenantId: link.tenantId, appointmentId: link.recordId };
};

export const manageUrl = (appUrl: string, token: string, action?: 'cancel' | 'reschedule') =>
  `${appUrl}/booking/${token}${action ? `?action=${action}` : ''}`;
