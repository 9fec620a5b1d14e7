import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { robotSign } from "../robot";
import { TestSandbox } from "./testing";

type Robot = { accessToken: string; secret: string; path: string };
type Listed = { robots: { accessToken: string; messages: { title: string; text: string }[] }[] };

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
});
afterAll(async () => {
  await sandbox.close();
});

const markdown = (title: string) => ({ msgtype: "markdown", markdown: { title, text: `#### ${title}` } });

async function post(path: string, query: Record<string, string>, body: unknown) {
  const q = Object.entries(query)
    .map(([k, v]) => `&${k}=${v}`)
    .join("");
  const res = await fetch(`${sandbox.url}${path}${q}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { errcode: number; errmsg: string };
}

function signed(robot: Robot, timestamp = Date.now(), secret = robot.secret) {
  return { timestamp: String(timestamp), sign: robotSign(secret, timestamp) };
}

describe("sandbox group robot (/robot/send)", () => {
  it("accepts a valid signature and lists the message", async () => {
    const robot = await sandbox.admin<Robot>("POST", "/_sandbox/robots", { name: "Ops group" });
    expect(robot.path).toBe(`/robot/send?access_token=${robot.accessToken}`);
    expect(robot.secret).toMatch(/^SEC/);
    expect(await post(robot.path, signed(robot), markdown("Run failed"))).toEqual({ errcode: 0, errmsg: "ok" });
    const listed = await sandbox.admin<Listed>("GET", "/_sandbox/robots");
    const mine = listed.robots.find((r) => r.accessToken === robot.accessToken);
    expect(mine?.messages.map((m) => m.title)).toEqual(["Run failed"]);
    const page = await (await fetch(`${sandbox.url}/_sandbox?lang=en`)).text();
    expect(page).toContain("Group robots");
    expect(page).toContain("Run failed");
  });

  it("answers 310000 for a tampered signature, a wrong secret, a missing sign or an old timestamp", async () => {
    const robot = await sandbox.admin<Robot>("POST", "/_sandbox/robots", {});
    const good = signed(robot);
    const tampered = { ...good, sign: good.sign.replace(/^./, (c) => (c === "A" ? "B" : "A")) };
    expect((await post(robot.path, tampered, markdown("x"))).errcode).toBe(310000);
    expect((await post(robot.path, signed(robot, Date.now(), `${robot.secret}x`), markdown("x"))).errcode).toBe(310000);
    expect((await post(robot.path, { timestamp: good.timestamp }, markdown("x"))).errcode).toBe(310000);
    expect((await post(robot.path, signed(robot, Date.now() - 2 * 3_600_000), markdown("x"))).errcode).toBe(310000);
    const listed = await sandbox.admin<Listed>("GET", "/_sandbox/robots");
    expect(listed.robots.find((r) => r.accessToken === robot.accessToken)?.messages).toEqual([]);
  });

  it("answers 300001 for an unknown access_token", async () => {
    expect((await post("/robot/send?access_token=nobody", {}, markdown("x"))).errcode).toBe(300001);
  });

  it("answers 130101 past 20 messages a minute, and stays throttled", async () => {
    const robot = await sandbox.admin<Robot>("POST", "/_sandbox/robots", {});
    for (let i = 0; i < 20; i++) expect((await post(robot.path, signed(robot), markdown(`m${i}`))).errcode).toBe(0);
    expect((await post(robot.path, signed(robot), markdown("m20"))).errcode).toBe(130101);
    expect((await post(robot.path, signed(robot), markdown("m21"))).errcode).toBe(130101);
    const other = await sandbox.admin<Robot>("POST", "/_sandbox/robots", {});
    expect((await post(other.path, signed(other), markdown("other"))).errcode).toBe(0);
  });
});
