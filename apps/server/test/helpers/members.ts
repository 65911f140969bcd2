import type { Role } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/platform/db/index.ts';
import { recentMail } from '../../src/platform/mail/index.ts';
import { asBrowser, type BrowserSession, PASSWORD, uniqueEmail, updateJar } from './auth-client.ts';

export const roleByKey = async (app: FastifyInstance, as: BrowserSession, key: string): Promise<Role> => {
  const roles = (await asBrowser(app, as, { method: 'GET', url: '/api/v1/roles' })).json().data as Role[];
  const role = roles.find((r) => r.key === key);
  if (!role) throw new Error(`no role ${key}`);
  return role;
};

/** The invitation link's token from the newest e-mail to `email`. */
export const invitationToken = async (database: Database, email: string): Promise<string> => {
  const mail = (await recentMail(database.db)).find((m) => m.to === email);
  const token = /invite\?token=([\w.-]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no invitation mail for ${email}`);
  return token;
};

/** Invites a new person with a system role and accepts as them: returns their browser session. */
export const addMember = async (
  app: FastifyInstance,
  database: Database,
  owner: BrowserSession,
  roleKey: string,
  name = 'New Member',
): Promise<BrowserSession> => {
  const role = await roleByKey(app, owner, roleKey);
  const email = uniqueEmail(roleKey);
  const invite = await asBrowser(app, owner, {
    method: 'POST',
    url: '/api/v1/invitations',
    payload: { email, roleId: role.id },
  });
  if (invite.statusCode !== 201) throw new Error(`invite failed ${invite.statusCode} ${invite.body}`);
  const token = await invitationToken(database, email);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, name, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`accept failed ${res.statusCode} ${res.body}`);
  const body = res.json().data;
  return {
    email,
    password: PASSWORD,
    userId: body.user.id,
    tenantId: body.tenant.id,
    cookies: updateJar({}, res),
    csrf: body.csrfToken,
    body,
  };
};

export const memberIdOf = async (app: FastifyInstance, as: BrowserSession, userId: string) => {
  const members = (await asBrowser(app, as, { method: 'GET', url: '/api/v1/members' })).json().data as {
    id: string;
    userId: string;
    version: number;
  }[];
  const m = members.find((x) => x.userId === userId);
  if (!m) throw new Error('member not found');
  return m;
};
