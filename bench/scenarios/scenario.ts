import type { ScenarioName, ServerName } from "../lib/results";

/** One scenario of the bench: it runs against a group of servers and records its figures in the results. */
export interface Scenario {
  name: ScenarioName;
  /** Runs once, in the bench's own process, with no server under test. */
  serverless?: boolean;
  /** The servers of one group: one server, or, in a Beredning day, the servers typed at in turns. */
  run(servers: ServerName[]): Promise<void>;
}

/** A scenario that measures one server at a time. */
export function oneServerAtATime(name: ScenarioName, run: (server: ServerName) => Promise<void>): Scenario {
  return {
    name,
    async run(servers) {
      for (const server of servers) await run(server);
    },
  };
}
