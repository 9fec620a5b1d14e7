import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layer rules of DESIGN.md live in eslint.config.mjs. Each case lints a one-line file at a path
// in a layer (the file need not exist) and says which rule, if any, must refuse it, so that a rule
// that stops firing (a typo in a glob or a regex) fails here instead of passing silently.

type Case = { file: string; code: string; refusedBy?: string };

const RESTRICTED = "no-restricted-imports";
const CLIENT = "layers/no-server-in-client";
const ESCAPE = "layers/no-relative-escape";
const LAYER_RULES = new Set([RESTRICTED, CLIENT, ESCAPE]);

const CASES: Record<string, Case[]> = {
  "lib/expression imports only itself, and no packages": [
    { file: "lib/expression/probe.ts", code: 'export { parse } from "@/lib/expression/parser";' },
    { file: "lib/expression/probe.ts", code: 'export { tokenize } from "./lexer";' },
    { file: "lib/expression/probe.ts", code: 'export { x } from "@/lib/mapping/rule";', refusedBy: RESTRICTED },
    { file: "lib/expression/probe.ts", code: 'export { db } from "@/lib/server/db";', refusedBy: RESTRICTED },
    { file: "lib/expression/probe.ts", code: 'export type { ReactNode } from "react";', refusedBy: RESTRICTED },
    { file: "lib/expression/probe.ts", code: 'import "server-only";', refusedBy: RESTRICTED },
    { file: "lib/expression/probe.ts", code: 'export { z } from "zod";', refusedBy: RESTRICTED },
    { file: "lib/expression/probe.ts", code: 'export { gzipSync } from "node:zlib";', refusedBy: RESTRICTED },
    { file: "lib/expression/functions/probe.ts", code: 'export { x } from "../../sync/plan";', refusedBy: ESCAPE },
    { file: "lib/expression/bench.ts", code: 'export { gzipSync } from "node:zlib";' },
    { file: "lib/expression/bench.ts", code: 'export { db } from "@/lib/server/db";', refusedBy: RESTRICTED },
  ],
  "lib/mapping imports only lib/expression and zod": [
    { file: "lib/mapping/probe.ts", code: 'export { parse } from "@/lib/expression";' },
    { file: "lib/mapping/probe.ts", code: 'export { z } from "zod";' },
    { file: "lib/mapping/probe.ts", code: 'export { x } from "@/lib/schemas/mapping";', refusedBy: RESTRICTED },
    { file: "lib/mapping/probe.ts", code: 'export { x } from "@/lib/sync/types";', refusedBy: RESTRICTED },
    { file: "lib/mapping/probe.ts", code: 'export { PrismaClient } from "@prisma/client";', refusedBy: RESTRICTED },
    { file: "lib/mapping/probe.ts", code: 'export { useState } from "react";', refusedBy: RESTRICTED },
    { file: "lib/mapping/probe.ts", code: 'export { x } from "../server/idp/mapping";', refusedBy: ESCAPE },
  ],
  "lib/dingtalk knows no Next.js, Prisma or upper layer": [
    { file: "lib/dingtalk/probe.ts", code: 'export { z } from "zod";' },
    { file: "lib/dingtalk/sandbox/probe.ts", code: 'export { createServer } from "node:http";' },
    { file: "lib/dingtalk/probe.ts", code: 'export { x } from "@/lib/server/crypto";', refusedBy: RESTRICTED },
    { file: "lib/dingtalk/probe.ts", code: 'export { x } from "@/lib/sync/plan";', refusedBy: RESTRICTED },
    { file: "lib/dingtalk/probe.ts", code: 'export { NextResponse } from "next/server";', refusedBy: RESTRICTED },
    { file: "lib/dingtalk/probe.ts", code: 'export { x } from "@/lib/generated/prisma";', refusedBy: RESTRICTED },
    { file: "lib/dingtalk/sandbox/probe.ts", code: 'export { x } from "../../server/db";', refusedBy: ESCAPE },
  ],
  "lib/sync knows no Next.js, Prisma, lib/server, components or app": [
    { file: "lib/sync/probe.ts", code: 'export { DingTalkClient } from "@/lib/dingtalk/client";' },
    { file: "lib/sync/probe.ts", code: 'export { x } from "@/lib/mapping/rule";' },
    { file: "lib/sync/probe.ts", code: 'export type { X } from "@/lib/server/sync/runs";', refusedBy: RESTRICTED },
    { file: "lib/sync/probe.ts", code: 'export { x } from "@/components/ui/button";', refusedBy: RESTRICTED },
    { file: "lib/sync/probe.ts", code: 'export { getServerSession } from "next-auth";', refusedBy: RESTRICTED },
    { file: "lib/sync/probe.ts", code: 'export { PrismaClient } from "@prisma/client";', refusedBy: RESTRICTED },
  ],
  "lib/server never imports components or app": [
    { file: "lib/server/probe.ts", code: 'export { plan } from "@/lib/sync/plan";' },
    { file: "lib/server/probe.ts", code: 'export { Button } from "@/components/ui/button";', refusedBy: RESTRICTED },
    { file: "lib/server/probe.ts", code: 'export { x } from "@/app/actions/idp/start-sync";', refusedBy: RESTRICTED },
    { file: "lib/server/probe.ts", code: 'export { x } from "../../app/layout";', refusedBy: RESTRICTED },
  ],
  "components import nothing from app but its server actions": [
    { file: "components/probe.tsx", code: 'export { startSyncAction } from "@/app/actions/idp/start-sync";' },
    { file: "components/probe.tsx", code: 'export { default } from "@/app/layout";', refusedBy: RESTRICTED },
    { file: "components/idp/probe.tsx", code: 'export { default } from "../../app/layout";', refusedBy: ESCAPE },
  ],
  'a "use client" file never imports lib/server, not even a type': [
    { file: "components/probe.tsx", code: '"use client";\nexport { cn } from "@/lib/utils";' },
    // A server component may read lib/server; only the directive makes the difference.
    { file: "components/probe.tsx", code: 'import type { Db } from "@/lib/server/db"; export type X = Db;' },
    {
      file: "components/probe.tsx",
      code: '"use client";\nimport type { Db } from "@/lib/server/db"; export type X = Db;',
      refusedBy: CLIENT,
    },
    { file: "app/probe/page.tsx", code: '"use client";\nexport * from "@/lib/server/db";', refusedBy: CLIENT },
    { file: "app/probe/page.tsx", code: '"use client";\nexport { x } from "../../lib/server/db";', refusedBy: CLIENT },
    { file: "lib/server/probe.ts", code: '"use client";\nexport { x } from "./db";', refusedBy: CLIENT },
  ],
};

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function layerRulesFired({ file, code }: Case): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file, warnIgnored: true });
  const fatal = result.messages.filter((m) => m.fatal);
  expect(fatal, `${file} did not parse`).toEqual([]);
  return [...new Set(result.messages.map((m) => m.ruleId ?? "").filter((id) => LAYER_RULES.has(id)))];
}

describe.each(Object.entries(CASES))("%s", (_rule, cases) => {
  it.each(cases)("$file: $code", async (c) => {
    expect(await layerRulesFired(c)).toEqual(c.refusedBy ? [c.refusedBy] : []);
  });
});

it("every refused import is explained in words", async () => {
  const [result] = await eslint.lintText('"use client";\nimport type { Db } from "@/lib/server/db";', {
    filePath: "components/probe.tsx",
  });
  expect(result.messages.find((m) => m.ruleId === CLIENT)?.message).toMatch(/must not import lib\/server/);
});
