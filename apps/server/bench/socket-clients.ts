import { io, type Socket } from 'socket.io-client';
import { REALTIME_PATH } from '../src/platform/realtime/index.ts';

// The socket fan-out bench's clients, in their own process (forked by socket-fanout.ts) so that decoding a
// thousand messages does not compete with the server for its event loop. Protocol over IPC:
// parent → { url, token, clients } ; child → 'ready' ; then per message the child answers 'got' once every
// client has it; parent → 'done' → child sends its latencies (ms, wall clock: performance.timeOrigin + now,
// comparable across processes on one machine) and exits.

const now = () => performance.timeOrigin + performance.now();

process.once('message', async (start: { url: string; token: string; clients: number }) => {
  const latencies: number[] = [];
  const sockets: Socket[] = [];
  let pending = start.clients;
  for (let i = 0; i < start.clients; i++) {
    const s = io(start.url, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      auth: { token: start.token },
      forceNew: true,
    });
    s.on('record.changed', (d: { sentAt: number }) => {
      latencies.push(now() - d.sentAt);
      if (--pending === 0) {
        pending = start.clients;
        process.send?.('got');
      }
    });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    sockets.push(s);
  }
  process.on('message', (m) => {
    if (m !== 'done') return;
    for (const s of sockets) s.close();
    process.send?.({ latencies }, () => process.exit(0));
  });
  process.send?.('ready');
});
