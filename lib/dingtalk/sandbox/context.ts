import { CorpRuntime, DEFAULT_FAULTS, type FaultConfig } from "./faults";
import { randomToken } from "./ids";
import { ancestorsOf } from "./rules-departments";
import type { SandboxStore } from "./store";
import { ApiFailure, type SandboxApp, type SandboxCode, type SandboxCorp, type SandboxUser } from "./types";

/** DingTalk's login and JSAPI codes live 5 minutes and are single use. */
export const CODE_TTL_MS = 5 * 60_000;

export type AppRef = { corp: SandboxCorp; app: SandboxApp };

/** Everything a route needs: the persisted state and the in-memory runtime per corp. */
export class SandboxContext {
  defaults: FaultConfig = { ...DEFAULT_FAULTS };
  private readonly runtimes = new Map<string, CorpRuntime>();
  /** Calls that could not be tied to a corp (unknown token or appkey). */
  readonly orphanCalls = new CorpRuntime();

  constructor(readonly store: SandboxStore) {}

  get state() {
    return this.store.state;
  }

  changed(): void {
    this.store.markDirty();
  }

  corp(corpId: string): SandboxCorp | undefined {
    return this.state.corps[corpId];
  }

  runtime(corpId: string): CorpRuntime {
    let runtime = this.runtimes.get(corpId);
    if (!runtime) {
      runtime = new CorpRuntime(this.defaults);
      this.runtimes.set(corpId, runtime);
    }
    return runtime;
  }

  resetRuntime(corpId?: string): void {
    if (corpId === undefined) {
      this.defaults = { ...DEFAULT_FAULTS };
      this.runtimes.clear();
    } else this.runtimes.delete(corpId);
  }

  allRuntimes(): CorpRuntime[] {
    return Object.keys(this.state.corps).map((id) => this.runtime(id));
  }

  findApp(appKey: string): AppRef | undefined {
    for (const corp of Object.values(this.state.corps)) {
      const app = corp.apps[appKey];
      if (app) return { corp, app };
    }
    return undefined;
  }

  /** Same token while valid (and its life extended), like DingTalk's gettoken. */
  issueToken({ corp, app }: AppRef): { token: string; expiresIn: number } {
    const ttl = this.runtime(corp.corpId).faults.tokenTtlSeconds;
    const now = Date.now();
    const expiresAt = now + ttl * 1000;
    for (const [token, t] of Object.entries(this.state.tokens)) {
      if (t.expiresAt <= now) delete this.state.tokens[token];
      else if (t.corpId === corp.corpId && t.appKey === app.appKey) {
        t.expiresAt = expiresAt;
        this.changed();
        return { token, expiresIn: ttl };
      }
    }
    const token = randomToken();
    this.state.tokens[token] = { corpId: corp.corpId, appKey: app.appKey, expiresAt };
    this.changed();
    return { token, expiresIn: ttl };
  }

  /** 40014 for an unknown token, 42001 for an expired one. */
  resolveToken(token: string | null): AppRef {
    const t = token ? this.state.tokens[token] : undefined;
    const corp = t ? this.corp(t.corpId) : undefined;
    const app = t && corp ? corp.apps[t.appKey] : undefined;
    if (!t || !corp || !app) throw new ApiFailure(40014, "invalid access_token");
    if (t.expiresAt <= Date.now()) throw new ApiFailure(42001, "access_token expired");
    return { corp, app };
  }

  expireTokens(corpId?: string): number {
    let count = 0;
    for (const t of Object.values(this.state.tokens)) {
      if (corpId === undefined || t.corpId === corpId) {
        t.expiresAt = 0;
        count += 1;
      }
    }
    this.changed();
    return count;
  }

  issueCode(code: Omit<SandboxCode, "expiresAt">): string {
    const now = Date.now();
    // Codes nobody redeemed would otherwise stay in the state file for ever.
    for (const [value, c] of Object.entries(this.state.codes)) if (c.expiresAt <= now) delete this.state.codes[value];
    const value = randomToken();
    this.state.codes[value] = { ...code, expiresAt: now + CODE_TTL_MS };
    this.changed();
    return value;
  }

  /** Codes are single use: consumed even when the check fails. */
  consumeCode(value: string, kind: SandboxCode["kind"]): SandboxCode | undefined {
    const code = this.state.codes[value];
    if (!code) return undefined;
    delete this.state.codes[value];
    this.changed();
    return code.kind === kind && code.expiresAt > Date.now() ? code : undefined;
  }

  inScope(corp: SandboxCorp, app: SandboxApp, deptId: number): boolean {
    if (!corp.departments[String(deptId)]) return true; // not-found is answered by the rule itself
    return ancestorsOf(corp, deptId).some((id) => app.authedDept.includes(id));
  }

  assertDeptsInScope(corp: SandboxCorp, app: SandboxApp, deptIds: number[]): void {
    for (const id of deptIds) {
      if (!this.inScope(corp, app, id))
        throw new ApiFailure(50004, `department ${id} is outside the app's authorised scope`);
    }
  }

  userInScope(corp: SandboxCorp, app: SandboxApp, user: SandboxUser): boolean {
    return user.dept_id_list.some((id) => this.inScope(corp, app, id));
  }
}
