/** `node --import tsx bench/lib/seed-pglite.ts <folder> <sizes JSON>`: builds the PGlite template. */
import { seedPgliteFolder } from "./databases";
import type { SeedSizes } from "./seed";

const [folder, sizes] = process.argv.slice(2);
if (!folder || !sizes) throw new Error("usage: seed-pglite.ts <folder> <sizes JSON>");
await seedPgliteFolder(folder, JSON.parse(sizes) as SeedSizes);
