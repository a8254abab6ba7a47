/** Options for vi.waitFor in the integration tests: the slow shared machine needs more than its 1 s default. */
export const WAIT = { timeout: 10_000, interval: 20 } as const;
