import { describe, expect, it } from "vitest";
import { TokenCache } from "./token-cache";

function clock(start = 0) {
  const c = { now: start, tick: (ms: number) => (c.now += ms) };
  return c;
}

describe("TokenCache", () => {
  it("reuses the token until ~80% of its life, then refreshes", async () => {
    const c = clock();
    const cache = new TokenCache(0.8, () => c.now);
    let fetched = 0;
    const fetcher = async () => ({ accessToken: `t${++fetched}`, expiresIn: 100 });
    expect(await cache.get(fetcher)).toBe("t1");
    c.tick(79_000);
    expect(await cache.get(fetcher)).toBe("t1");
    c.tick(2_000);
    expect(await cache.get(fetcher)).toBe("t2");
    expect(cache.refreshes).toBe(2);
  });

  it("fetches single-flight and invalidates only the token that failed", async () => {
    const cache = new TokenCache();
    let fetched = 0;
    const fetcher = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { accessToken: `t${++fetched}`, expiresIn: 7200 };
    };
    expect(await Promise.all([cache.get(fetcher), cache.get(fetcher), cache.get(fetcher)])).toEqual(["t1", "t1", "t1"]);
    cache.invalidate("t0"); // stale: ignored
    expect(await cache.get(fetcher)).toBe("t1");
    cache.invalidate("t1");
    cache.invalidate("t1");
    expect(await Promise.all([cache.get(fetcher), cache.get(fetcher)])).toEqual(["t2", "t2"]);
  });

  it("does not cache a failed fetch", async () => {
    const cache = new TokenCache();
    await expect(cache.get(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get(async () => ({ accessToken: "ok", expiresIn: 10 }))).toBe("ok");
  });
});
