import getPort from "get-port";

/** A loopback port that was free a moment ago (the server process binds it itself). */
export function findFreePort(): Promise<number> {
  return getPort({ host: "127.0.0.1" });
}
