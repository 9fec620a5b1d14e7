import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { randomToken } from "./ids";
import { createSeedState } from "./seed";
import type { SandboxState } from "./types";

// Saving serialises the whole state: at most a few times a second, never two at once,
// or a busy corp (10,000 users) spends its time writing JSON and queueing copies of it.
const SAVE_DELAY_MS = 300;

/** Holds the state in memory and persists it atomically (temp file + rename), debounced. */
export class SandboxStore {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private isWriting = false;
  private isDirtyAgain = false;

  private constructor(
    readonly file: string,
    public state: SandboxState,
  ) {}

  static async open(file: string): Promise<{ store: SandboxStore; seeded: boolean }> {
    let state: SandboxState | null = null;
    try {
      const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
      if (parsed && typeof parsed === "object" && "version" in parsed && parsed.version === 1)
        state = parsed as SandboxState;
    } catch (err) {
      if (!(err instanceof Error && "code" in err && err.code === "ENOENT")) throw err;
    }
    const store = new SandboxStore(file, state ?? createSeedState());
    if (!state) await store.flush();
    return { store, seeded: !state };
  }

  markDirty(): void {
    if (this.isWriting) {
      this.isDirtyAgain = true;
      return;
    }
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
    this.writing = this.writing
      .catch(() => undefined)
      .then(async () => {
        this.isWriting = true;
        this.isDirtyAgain = false;
        try {
          const json = JSON.stringify(this.state);
          await mkdir(dirname(this.file), { recursive: true });
          const tmp = `${this.file}.${process.pid}.${randomToken(4)}.tmp`;
          await writeFile(tmp, json, "utf8");
          await rename(tmp, this.file);
        } finally {
          this.isWriting = false;
          if (this.isDirtyAgain) this.markDirty();
        }
      });
    return this.writing;
  }
}
