import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type ServerConfig = {
  isDemoMode: boolean;
  nextAuthSecret: string;
  /** "version:base64key" pairs; the highest version encrypts, all decrypt. */
  encryptionKeys: string;
  /** Shown in the wizard's developer information. */
  publicBaseUrl: string;
  egressIp: string;
};

type DemoSecrets = { nextAuthSecret: string; encryptionKeys: string };

export class ConfigError extends Error {}

export function isDemoMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.DEMO_MODE ?? "true").toLowerCase() !== "false";
}

export function dataDir(): string {
  return process.env.DATA_DIR ?? path.join(process.cwd(), "data");
}

// Demo mode generates its secrets once into data/ so sessions and encrypted
// values survive restarts; production must bring its own.
function loadOrCreateDemoSecrets(): DemoSecrets & { isNew: boolean } {
  const file = path.join(dataDir(), "demo-secrets.json");
  if (fs.existsSync(file)) {
    return { ...(JSON.parse(fs.readFileSync(file, "utf8")) as DemoSecrets), isNew: false };
  }
  const secrets: DemoSecrets = {
    nextAuthSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: `1:${randomBytes(32).toString("base64")}`,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { ...secrets, isNew: true };
}

let cached: ServerConfig | undefined;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  if (cached && env === process.env) return cached;
  const isDemo = isDemoMode(env);
  let nextAuthSecret = env.NEXTAUTH_SECRET ?? "";
  let encryptionKeys = env.ENCRYPTION_KEYS ?? "";
  if (isDemo && (!nextAuthSecret || !encryptionKeys)) {
    const demo = loadOrCreateDemoSecrets();
    if (demo.isNew) console.info(`[demo] generated a session secret and an encryption key in ${dataDir()}`);
    nextAuthSecret ||= demo.nextAuthSecret;
    encryptionKeys ||= demo.encryptionKeys;
  }
  if (!nextAuthSecret) throw new ConfigError("NEXTAUTH_SECRET is not set (required outside demo mode).");
  if (!encryptionKeys) throw new ConfigError("ENCRYPTION_KEYS is not set (required outside demo mode).");
  const config: ServerConfig = {
    isDemoMode: isDemo,
    nextAuthSecret,
    encryptionKeys,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000",
    egressIp: env.EGRESS_IP ?? "127.0.0.1",
  };
  if (env === process.env) cached = config;
  return config;
}
