import "server-only";

/** The SQLite database URL; relative paths resolve from the project root. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? "file:./data/portal.db";
}
