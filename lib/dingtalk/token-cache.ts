import { createHash } from "node:crypto";

export type FetchedToken = { accessToken: string; expiresIn: number };

type CachedToken = { value: string; refreshAt: number; expiresAt: number };

/** An app's access token: fetched once, refreshed single-flight at ~80% of its life. */
export class TokenCache {
  private current: CachedToken | null = null;
  private inflight: Promise<string> | null = null;
  refreshes = 0;

  constructor(
    private readonly refreshRatio = 0.8,
    private readonly now: () => number = Date.now,
  ) {}

  async get(fetcher: () => Promise<FetchedToken>): Promise<string> {
    const cached = this.current;
    if (cached && this.now() < cached.refreshAt) return cached.value;
    if (this.inflight) return this.inflight;
    const started = this.now();
    this.inflight = fetcher()
      .then(({ accessToken, expiresIn }) => {
        const lifeMs = Math.max(expiresIn, 1) * 1000;
        this.current = {
          value: accessToken,
          refreshAt: started + lifeMs * this.refreshRatio,
          expiresAt: started + lifeMs,
        };
        this.refreshes += 1;
        return accessToken;
      })
      .finally(() => {
        this.inflight = null;
      });
    return this.inflight;
  }

  /** Drops the token only if it is still the one that failed, so concurrent 40014s refresh once. */
  invalidate(failedToken: string): void {
    if (this.current?.value === failedToken) this.current = null;
  }
}

const caches = new Map<string, TokenCache>();

/** One cache per app (base URL + AppKey + a hash of the secret), shared by every client of that app. */
export function tokenCacheFor(baseUrl: string, appKey: string, appSecret: string): TokenCache {
  const secretHash = createHash("sha256").update(appSecret).digest("hex").slice(0, 16);
  const key = `${baseUrl}|${appKey}|${secretHash}`;
  let cache = caches.get(key);
  if (!cache) {
    cache = new TokenCache();
    caches.set(key, cache);
  }
  return cache;
}
