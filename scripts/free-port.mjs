// Prints a loopback port that is free now, for the callers that cannot await get-port themselves
// (scripts/with-postgres.sh, and playwright.config.ts, which Playwright loads synchronously).
import getPort from "get-port";

process.stdout.write(String(await getPort({ host: "127.0.0.1" })));
