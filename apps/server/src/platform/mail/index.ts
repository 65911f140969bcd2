export { devMailboxRoutes } from './dev-mailbox.routes.ts';
export { escapeHtml } from './html.ts';
export { mailJobs, SEND_MAIL_JOB } from './mail-jobs.ts';
export { type MailAttachment, type MailMessage, queueMail, recentMail } from './outbox.ts';
export { createMailTransport, type MailTransport, type OutgoingMail } from './transport.ts';
