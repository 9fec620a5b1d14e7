import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { randomToken } from "./ids";
import { createSeedState } from "./seed";
import type { SandboxState } from "./types";

const SAVE_DELAY_MS = 25;

/** Holds the state in memory and persists it atomically (temp file + rename), debounced. */
export class SandboxStore {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    public state: SandboxState,
  ) {}

  static async open(file: string): Promise<{ store: SandboxStore; seeded: boolean }> {
    let state: SandboxState | null = null;
    try {
      const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
      if (parsed && typeof parsed === "object" && "version" in parsed && parsed.version === 1) state = parsed as SandboxState;
    } catch (err) {
      if (!(err instanceof Error && "code" in err && err.code === "ENOENT")) throw err;
    }
    const store = new SandboxStore(file, state ?? createSeedState());
    if (!state) await store.flush();
    return { store, seeded: !state };
  }

  markDirty(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const json = JSON.stringify(this.state, null, 1);
    this.writing = this.writing.catch(() => undefined).then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.${randomToken(4)}.tmp`;
      await writeFile(tmp, json, "utf8");
      await rename(tmp, this.file);
    });
    return this.writing;
  }
}
