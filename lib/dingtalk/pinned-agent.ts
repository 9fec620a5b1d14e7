import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { Agent, buildConnector } from "undici";
import { resolvePublicAddresses, type GuardOptions } from "./url-guard";

type LookupCallback = Parameters<LookupFunction>[2];

function wantedFamily(family: LookupOptions["family"]): number {
  if (family === "IPv4") return 4;
  if (family === "IPv6") return 6;
  return family ?? 0;
}

/**
 * `net.connect`'s lookup: resolves through the SSRF guard and hands the socket only addresses the
 * guard has just checked, so a DNS answer that changes between check and connect (rebinding)
 * cannot slip a private address in. Any non-public answer refuses the connection.
 */
export function guardedLookup(options: GuardOptions = {}): LookupFunction {
  return (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback) => {
    resolvePublicAddresses(hostname, options).then(
      (all) => {
        const family = wantedFamily(lookupOptions.family);
        const addresses: LookupAddress[] = family === 0 ? all : all.filter((a) => a.family === family);
        if (addresses.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no IPv${family} address for ${hostname}`);
          err.code = "ENOTFOUND";
          callback(err, "", 0);
        } else if (lookupOptions.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0].address, addresses[0].family);
        }
      },
      (err: Error) => callback(err, "", 0),
    );
  };
}

/**
 * An undici Agent for outgoing DingTalk calls with local endpoints off: every connection's
 * address passes the guard (IP literals directly, host names through `guardedLookup`).
 */
export function createPinnedAgent(options: GuardOptions = {}): Agent {
  const connector = buildConnector({ lookup: guardedLookup(options) });
  return new Agent({
    connect: (opts, callback) => {
      const host = opts.hostname.replace(/^\[|\]$/g, "");
      if (isIP(host) === 0) return connector(opts, callback); // a name: checked by guardedLookup
      resolvePublicAddresses(host, options).then(
        () => connector(opts, callback),
        (err: Error) => callback(err, null),
      );
    },
  });
}

let shared: Agent | undefined;

/** The process-wide pinned agent (one connection pool for all DingTalk clients). */
export function pinnedAgent(): Agent {
  shared ??= createPinnedAgent();
  return shared;
}
