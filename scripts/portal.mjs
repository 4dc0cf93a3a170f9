// `npm run portal`: install, migrate, seed, build when needed, then serve on $PORT (3000).
import { ensureBuild, ensureDependencies, prepareDatabase, startServer } from "./lib.mjs";

const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/portal.db";

ensureDependencies();
prepareDatabase(databaseUrl);
ensureBuild();
console.log(`› portal on http://localhost:${port} (database ${databaseUrl})`);
startServer(port, { DATABASE_URL: databaseUrl, PORT: String(port) });
