import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import { createTestDb } from "../test-db";
import { preparePlan } from "./plans";
import { cancelSyncRun, startSyncRun, waitForRun } from "./runs";
import { createSandboxIdp } from "./sandbox-idp";
import { seedSyntheticDirectory } from "./synthetic-directory";
import { signalAndWait, spawnCli, until } from "./test-processes";

type StartOutcome = { ready?: true; runId?: string; error?: string };

/** Starts `processes` racers; once all have loaded, each asks for `starts` runs at the same moment. */
async function race(env: Record<string, string>, processes: number, starts: number): Promise<StartOutcome[]> {
  const children = Array.from({ length: processes }, () =>
    spawnCli("lib/server/sync/test-race-start.ts", { ...env, RUN_STARTS: String(starts) }, [], { pipe: true }),
  );
  const outcomes = children.map((child) => {
    const lines: StartOutcome[] = [];
    let ready: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let at = buffer.indexOf("\n"); at >= 0; at = buffer.indexOf("\n")) {
        const line = JSON.parse(buffer.slice(0, at)) as StartOutcome;
        buffer = buffer.slice(at + 1);
        if (line.ready) ready();
        else lines.push(line);
      }
    });
    const exited = new Promise<void>((resolve, reject) =>
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`racer exited with ${code}`)))),
    );
    return { child, isReady, done: exited.then(() => lines) };
  });
  await Promise.all(outcomes.map((o) => o.isReady));
  for (const o of outcomes) o.child.stdin?.write("go\n");
  return (await Promise.all(outcomes.map((o) => o.done))).flat();
}

// Runs shared by processes on one database (issue 16), with real processes: SQLite's lock waits block
// the thread that waits, so two clients in one process could not wait for each other.
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
});
afterAll(async () => sandbox?.close());

async function setup(accounts: number, ous: number) {
  const { db, url, cleanup } = await createTestDb();
  const { rootId } = await seedSyntheticDirectory(db, { accounts, ous });
  const corp = await sandbox.corp();
  const idpId = await createSandboxIdp(db, { sandboxUrl: sandbox.url, app: corp, sourceOuIds: [rootId] });
  return { db, url, cleanup, corp, idpId };
}

type SandboxState = { users: { userid: string }[] };
const sandboxUsers = async (corp: TestCorp) =>
  (await sandbox.admin<SandboxState>("GET", `/_sandbox/state?corpId=${corp.corpId}`)).users.map((u) => u.userid);

describe("runs shared by several processes", { timeout: 300_000 }, () => {
  it("of many starts racing in several processes on one database, exactly one creates a run", async () => {
    const { db, url, cleanup, idpId } = await setup(40, 5);
    try {
      // Three processes, four starts each, all at the same moment (once every process has loaded).
      const outcomes = await race({ DATABASE_URL: url, IDP_ID: idpId }, 3, 4);
      expect(outcomes).toHaveLength(12);
      expect(outcomes.filter((o) => o.runId)).toHaveLength(1);
      expect(outcomes.filter((o) => o.error === "errors.runInProgress")).toHaveLength(11);
      expect(await db.syncRun.findMany({ where: { idpId }, select: { status: true } })).toEqual([
        { status: "succeeded" },
      ]);
    } finally {
      await cleanup();
    }
  });

  it("a run cancelled from another process stops there, and counts as writing until it has", async () => {
    const { db, url, cleanup, corp, idpId } = await setup(150, 10);
    let child: ChildProcess | undefined;
    try {
      const { planId } = await preparePlan(db, { idpId, actor: "system" });
      // Slow enough (15 calls/s) to be cancelled in the middle.
      child = spawnCli("lib/server/cli/sync-once.ts", { DATABASE_URL: url, DINGTALK_QPS: "15" }, [
        "--idp",
        idpId,
        "--plan",
        planId,
      ]);
      const exited = new Promise((r) => child!.once("exit", r));
      await until(async () => (await db.binding.count({ where: { idpId, objectType: "user" } })) >= 30);
      // Frozen, the process cannot notice the cancel yet: the run is cancelled but not stopped.
      child.kill("SIGSTOP");
      const run = await db.syncRun.findFirstOrThrow({ where: { idpId } });
      await cancelSyncRun(db, run.id, "system");
      expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
        status: "cancelled",
        finishedAt: null,
      });
      await expect(startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).rejects.toMatchObject(
        { code: "errors.runInProgress" },
      );
      child.kill("SIGCONT");
      // Its heartbeat (every 2 s) sees the cancel, aborts, and the run stops between objects.
      await exited;
      const stopped = await db.syncRun.findUniqueOrThrow({ where: { id: run.id } });
      expect(stopped.status).toBe("cancelled");
      expect(stopped.finishedAt).not.toBeNull();
      const bound = await db.binding.findMany({ where: { idpId, objectType: "user" }, select: { remoteId: true } });
      expect(bound.length).toBeLessThan(150);
      // Every user it wrote is bound, and nothing else was written.
      expect(new Set(await sandboxUsers(corp))).toEqual(new Set(bound.map((b) => b.remoteId)));
      // Now it has stopped, a new run may start, and it finishes the rest.
      const rest = await waitForRun(
        db,
        (await startSyncRun({ db, idpId, mode: "full", trigger: "manual", actor: "system" })).id,
      );
      expect(rest.status).toBe("succeeded");
      expect(await sandboxUsers(corp)).toHaveLength(150);
    } finally {
      if (child) await signalAndWait(child, "SIGKILL");
      await cleanup();
    }
  });
});
