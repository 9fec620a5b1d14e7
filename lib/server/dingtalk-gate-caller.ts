import { createInterface } from "node:readline";
import { sharesCallGate } from "./dingtalk-gate";
import { loadIdpClient } from "./idp/client";
import { createPrismaClient } from "./prisma-client";

// For dingtalk-gate.test.ts: one process calling DingTalk for one IdP as fast as its client lets it.
// `--idp <id> --seconds <n>` (DATABASE_URL, DINGTALK_QPS from the environment); prints "ready", starts
// on a "go" line on stdin, prints its counts as JSON when the time is up.
async function main() {
  const args = process.argv.slice(2);
  const idpId = args[args.indexOf("--idp") + 1]!;
  const seconds = Number(args[args.indexOf("--seconds") + 1]);
  const db = createPrismaClient();
  const client = await loadIdpClient(db, idpId);
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on("line", (line) => line.trim() === "go" && resolve()));
  console.info("ready");
  await go;
  const until = Date.now() + seconds * 1000;
  const startedAt = Date.now();
  let ok = 0;
  let failed = 0;
  // More callers than the client's in-flight cap, so calls always queue at the gate.
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (Date.now() < until) {
        try {
          await client.getDepartment(1);
          ok += 1;
        } catch {
          failed += 1;
        }
      }
    }),
  );
  console.info(JSON.stringify({ ok, failed, shared: sharesCallGate(), startedAt, endedAt: Date.now() }));
  await db.$disconnect();
  process.exit(0);
}

void main();
