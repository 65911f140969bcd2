import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectRealtime, queryKeysFor, REALTIME_PATH } from './realtime';

// A real socket.io server (the protocol the app's server speaks) on a free port.
let io: Server;
let url: string;
beforeAll(async () => {
  const http = createServer();
  io = new Server(http, { path: REALTIME_PATH });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => io.close(() => resolve())));

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000 });

describe('connectRealtime', () => {
  it('hands record changes and addressed events over, reports a lost socket and recovers by itself', async () => {
    const states: boolean[] = [];
    const changes: unknown[] = [];
    const events: unknown[] = [];
    const stop = connectRealtime(
      {
        onRecordChanged: (c) => changes.push(c),
        onEvent: (e) => events.push(e),
        onConnectionChange: (c) => states.push(c),
        refreshSession: () => Promise.resolve(),
      },
      url,
    );
    await until(() => states.includes(true));
    io.emit('record.changed', { entity: 'deal', id: 'd1', version: 3 });
    io.emit('lead.assigned', { leadId: 'l1' });
    await until(() => changes.length === 1 && events.length === 1);
    expect(changes).toEqual([{ entity: 'deal', id: 'd1', version: 3 }]);
    expect(events).toEqual([{ type: 'lead.assigned', leadId: 'l1' }]);
    // The transport drops (network lost): reported, then back without anyone doing anything.
    for (const socket of io.sockets.sockets.values()) socket.conn.close();
    await until(() => states.includes(false));
    await until(() => states.at(-1) === true);
    expect(states).toEqual([true, false, true]);
    stop();
  });

  it('retries a refused handshake after refreshing the session', async () => {
    let refusals = 1;
    io.use((_socket, next) => (refusals-- > 0 ? next(new Error('Your session has ended.')) : next()));
    const refreshSession = vi.fn(() => Promise.resolve());
    const states: boolean[] = [];
    const stop = connectRealtime(
      {
        onRecordChanged: () => {},
        onEvent: () => {},
        onConnectionChange: (c) => states.push(c),
        refreshSession,
      },
      url,
    );
    await until(() => states.includes(true));
    expect(refreshSession).toHaveBeenCalledTimes(1);
    stop();
  });

  it('maps an entity to the query keys to refetch', () => {
    expect(queryKeysFor('deal')).toEqual([['deals'], ['timeline']]);
    expect(queryKeysFor('company')).toEqual([['companies'], ['timeline']]);
  });
});
