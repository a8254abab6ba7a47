export const TEMPLATE_DATABASE = "beredning_test_template";

/** The throwaway cluster started by scripts/with-postgres.sh exports TEST_DATABASE_URL. */
export function adminUrl(database?: string): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set: run the PostgreSQL tests through scripts/with-postgres.sh (npm test does)",
    );
  }
  if (!database) return url;
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
