// Test helpers: an in-process sandbox on port 0 with a temp data dir, and corps per test.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDingTalkClient, type DingTalkClient } from "../client";
import type { DingTalkClientConfig } from "../config";
import { startSandbox, type RunningSandbox } from "./server";

export type TestCorp = { corpId: string; appKey: string; appSecret: string };
export type TestCorpOptions = {
  scopes?: string[];
  authedDept?: number[];
  allowedIps?: string[];
  faults?: Record<string, unknown>;
};

/** Client settings that keep the suite fast: no client rate limit, millisecond backoffs. */
export const FAST_CLIENT: Partial<DingTalkClientConfig> = {
  qps: 0,
  retries: 3,
  retryMinDelayMs: 1,
  retryMaxDelayMs: 5,
  banPauseMs: 5,
  timeoutMs: 2_000,
  allowLocalEndpoints: true,
};

let counter = 0;

export class TestSandbox {
  private constructor(
    readonly sandbox: RunningSandbox,
    readonly dataDir: string,
    readonly dataFile: string,
  ) {}

  static async start(): Promise<TestSandbox> {
    const dataDir = await mkdtemp(join(tmpdir(), "dingtalk-sandbox-"));
    const dataFile = join(dataDir, "sandbox.json");
    return new TestSandbox(await startSandbox({ port: 0, dataFile, quiet: true }), dataDir, dataFile);
  }

  get url(): string {
    return this.sandbox.url;
  }

  async admin<T = Record<string, unknown>>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** A fresh corp (root department only) with one app; the sandbox rate limit is off unless faults say otherwise. */
  async corp(options: TestCorpOptions = {}): Promise<TestCorp> {
    counter += 1;
    const id = `${process.pid}x${counter}`;
    const corp = { corpId: `dingtestcorp${id}`, appKey: `dingtestkey${id}`, appSecret: `secret${id}` };
    await this.admin("POST", "/_sandbox/apps", {
      ...corp,
      scopes: options.scopes,
      authedDept: options.authedDept,
      allowedIps: options.allowedIps,
    });
    await this.admin("POST", "/_sandbox/faults", { corpId: corp.corpId, qps: 0, ...options.faults });
    return corp;
  }

  client(corp: TestCorp, overrides: Partial<DingTalkClientConfig> = {}): DingTalkClient {
    return createDingTalkClient({
      ...FAST_CLIENT,
      ...corp,
      baseUrl: this.url,
      v1BaseUrl: this.url,
      loginBaseUrl: this.url,
      ...overrides,
    });
  }

  async calls(corpId: string): Promise<{ total: number; byPath: Record<string, Record<string, number>> }> {
    return this.admin("GET", `/_sandbox/calls?corpId=${encodeURIComponent(corpId)}`);
  }

  async close(): Promise<void> {
    await this.sandbox.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** Runs fn and returns what it threw (fails when it does not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected an error");
}
