/** The one session lifetime, in seconds, for the JWT, its cookie and the session record. */
export const DEFAULT_SESSION_MAX_AGE = 12 * 60 * 60;

/** Validated at start by server/config.ts, which also puts the default in place. */
export function sessionMaxAgeSeconds(): number {
  const configured = Number(process.env.SESSION_MAX_AGE);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_SESSION_MAX_AGE;
}
