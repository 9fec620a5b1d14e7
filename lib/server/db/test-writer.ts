// For transactions.test.ts: another process writing to the database as fast as it can until SIGTERM
// (as `npm run worker` beside the console). Prints "writing" once its first row is in.
import { createPrismaClient } from "../prisma-client";

const db = createPrismaClient();
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
for (let n = 0; !stopping; n++) {
  await db.usedSsoState.create({ data: { id: `other-${n}`, expiresAt: new Date() } });
  if (n === 0) process.stdout.write("writing\n");
  // Lets the SIGTERM handler run between writes.
  await new Promise((r) => setImmediate(r));
}
await db.$disconnect();
