import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address) resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Whether something already listens on the port (so we must not start a server there). */
export function isPortTaken(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => {
      resolve(true);
    });
    server.listen(port, host, () =>
      server.close(() => {
        resolve(false);
      }),
    );
  });
}

/** The first of `count` consecutive TCP ports on 127.0.0.1 that were all free a moment ago (a local Kafka cluster's nodes take four each). */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const first = 20_000 + Math.floor(Math.random() * (40_000 - count));
    const taken = await Promise.all(Array.from({ length: count }, (_, index) => isPortTaken(first + index)));
    if (!taken.includes(true)) return first;
  }
  throw new Error(`no run of ${count} free ports on 127.0.0.1 was found`);
}
