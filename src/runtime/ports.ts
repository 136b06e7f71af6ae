import { createServer, connect } from 'node:net';

/** A TCP port that is free on loopback right now (the kernel picks it: port 0). */
export async function findFreePort(): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** One bounded connection attempt to a loopback port (IPv4, then IPv6). */
export async function canConnect(port: number, timeoutMs = 500): Promise<boolean> {
  for (const host of ['127.0.0.1', '::1']) {
    if (await tryConnect(host, port, timeoutMs)) return true;
  }
  return false;
}

function tryConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Polls until the port accepts a connection. Bounded by `timeoutMs`, and stops early when
 * `shouldStop` says so (the process exited). Resolves with whether the port opened.
 */
export async function waitForPort(port: number, timeoutMs: number, shouldStop: () => boolean, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (shouldStop()) return false;
    if (await canConnect(port, Math.min(500, Math.max(50, deadline - Date.now())))) return true;
    await delay(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
  return false;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
