// For transactions.test.ts: another process writing to the database as fast as it can until SIGTERM
// (as `npm run worker` beside the console). Prints "writing" once its first row is in.
import { createPrismaClient } from "../prisma-client";

const db = createPrismaClient();
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
let first = true;
while (!stopping) {
  await db.auditLog.create({ data: { actorLabel: "other-process", action: "test.write" } });
  if (first) process.stdout.write("writing\n");
  first = false;
  // Lets the SIGTERM handler run between writes.
  await new Promise((r) => setImmediate(r));
}
await db.$disconnect();
