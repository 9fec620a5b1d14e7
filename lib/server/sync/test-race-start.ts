// A process of the start race (runs-processes.test.ts): loads, says "ready", and on "go" (a line on its
// standard input) asks for RUN_STARTS runs of IDP_ID at once on its own client; prints each outcome as
// a line of JSON and waits for the run it started, if any.
import { once } from "node:events";
import { createPrismaClient } from "../prisma-client";
import { startSyncRun, waitForRun } from "./runs";

async function main() {
  const db = createPrismaClient();
  const idpId = process.env.IDP_ID!;
  await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
  console.info(JSON.stringify({ ready: true }));
  await once(process.stdin, "data");
  const starts = await Promise.allSettled(
    Array.from({ length: Number(process.env.RUN_STARTS ?? 3) }, () =>
      startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" }),
    ),
  );
  for (const s of starts)
    console.info(
      JSON.stringify(
        s.status === "fulfilled"
          ? { runId: s.value.id }
          : { error: (s.reason as { code?: string }).code ?? String(s.reason) },
      ),
    );
  for (const s of starts) if (s.status === "fulfilled") await waitForRun(db, s.value.id);
  await db.$disconnect();
  process.exit(0);
}

void main();
