// For the multi-process tests: a proxy in front of the sandbox that counts DingTalk's write calls per
// object (the sandbox counts them per path only), so a test can say no object was written twice.
import http from "node:http";
import type { AddressInfo } from "node:net";

const WRITE_PATH = /^\/topapi\/v2\/(user|department)\/(create|update|delete)$/;

export type WriteCounter = {
  url: string;
  /** Writes per "path object" (e.g. "/topapi/v2/user/update alice"), since the last reset. */
  counts: () => Map<string, number>;
  reset: () => void;
  close: () => Promise<void>;
};

export async function startWriteCounter(target: string): Promise<WriteCounter> {
  let counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? "").split("?")[0];
      void fetch(`${target}${req.url}`, {
        method: req.method,
        headers: { "content-type": req.headers["content-type"] ?? "application/json" },
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      })
        .then(async (answer) => {
          const text = await answer.text();
          if (WRITE_PATH.test(path) && answer.ok) {
            const sent = JSON.parse(body.toString() || "{}") as Record<string, unknown>;
            const key = `${path} ${String(sent.userid ?? sent.dept_id ?? sent.name)}`;
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
          res.end(text);
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => counts,
    reset: () => (counts = new Map()),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
