import { createServer } from "node:net";

/**
 * `count` different ports of 127.0.0.1 that the operating system has just given out as free, for
 * servers started in another process (decap-server, `npm start`) that take a port number and
 * cannot report one the system chose. Ports derived from the process id collide between
 * concurrent runs. All are held until all are chosen, so no two are the same.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once("error", reject);
            server.listen(0, "127.0.0.1", () => {
              const address = server.address();
              if (address === null || typeof address === "string") reject(new Error("no port from the operating system"));
              else resolve(address.port);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
  }
}
