import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { seedDemoDirectory } from "@/prisma/seed-demo";
import type { Db } from "../prisma-client";
import { createSandboxIdp } from "../sync/sandbox-idp";
import { createTestDb } from "../test-db";

// `npm run worker` as a process (on SQLite, or PostgreSQL in the PostgreSQL pass), stopped by SIGTERM
// in the middle of an incremental run: it exits 0 and leaves neither its heartbeat nor a lease.
let db: Db;
let url: string;
let cleanup: () => Promise<void>;
let sandbox: TestSandbox;
let gate: HoldingProxy;

/** DingTalk's sandbox behind a door: requests wait until `open()`, so the worker is caught mid-run. */
type HoldingProxy = { url: string; requests: number; open: () => void; close: () => Promise<void> };

async function holdingProxy(target: string): Promise<HoldingProxy> {
  let isOpen = false;
  const waiting: (() => void)[] = [];
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const forward = async () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && k !== "host" && k !== "connection"),
        ) as Record<string, string>;
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const answer = await fetch(`${target}${req.url}`, { method: req.method, headers, body });
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
        res.end(Buffer.from(await answer.arrayBuffer()));
      };
      if (isOpen) void forward();
      else waiting.push(() => void forward());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return state.requests;
    },
    open: () => {
      isOpen = true;
      waiting.splice(0).forEach((go) => go());
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

beforeAll(async () => {
  ({ db, url, cleanup } = await createTestDb());
  await seedDemoDirectory(db);
  sandbox = await TestSandbox.start();
  gate = await holdingProxy(sandbox.url);
});
afterAll(async () => {
  await gate?.close();
  await sandbox?.close();
  await cleanup();
});

async function until(check: () => Promise<boolean>, what: string, child: ChildProcess, log: () => string) {
  while (!(await check())) {
    if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}) before ${what}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("npm run worker and SIGTERM", { timeout: 120_000 }, () => {
  it("beats while it runs; on SIGTERM mid-run it hands back its lease, removes its heartbeat and exits 0", async () => {
    const corp = await sandbox.corp();
    const root = await db.organizationalUnit.findFirstOrThrow({ where: { parentId: null } });
    const idpId = await createSandboxIdp(db, { sandboxUrl: gate.url, app: corp, sourceOuIds: [root.id] });
    const cursor = (await db.outboxEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    await db.identityProvider.update({
      where: { id: idpId },
      data: { incrementalSync: true, lastFullSyncAt: new Date(), outboxCursor: cursor },
    });
    const account = await db.account.findFirstOrThrow({ where: { username: "wang.fang" } });
    await db.outboxEvent.create({ data: { objectType: "user", objectId: account.id, operation: "update" } });

    // As an operator starts it (the signal goes to npm, which passes it on).
    const child = spawn("npm", ["run", "--silent", "worker"], {
      env: { ...process.env, DATABASE_URL: url, WORKER_LEASE_MS: "60000" },
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so a failed test can kill npm and the worker under it alike.
      detached: true,
    });
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    try {
      await until(
        async () => (await db.processHeartbeat.count({ where: { role: "worker", pid: { gt: 0 } } })) === 1,
        "its heartbeat",
        child,
        () => output,
      );
      // Mid-run: the IdP's lease taken and a DingTalk call waiting behind the door.
      await until(
        async () =>
          gate.requests > 0 &&
          (await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } })).workerLeaseOwner !== null,
        "taking the lease",
        child,
        () => output,
      );
      child.kill("SIGTERM");
      gate.open();
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
    expect(output).toContain("Incremental sync worker stopped.");
    expect(await db.processHeartbeat.count()).toBe(0);
    const idp = await db.identityProvider.findUniqueOrThrow({ where: { id: idpId } });
    expect(idp).toMatchObject({ workerLeaseOwner: null, workerLeaseUntil: null });
  });
});
