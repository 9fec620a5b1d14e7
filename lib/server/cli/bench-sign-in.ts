import bcryptjs from "bcryptjs";
import { performance } from "node:perf_hooks";
import { authorizePassword, type PasswordSignInDeps } from "../password-sign-in";
import { verifyNobody, verifyPassword } from "../passwords";
import type { Db } from "../prisma-client";
import { SIGN_IN_LIMITS, SignInLimits, type LimitRules } from "../rate-limit";
import { SignInLockout } from "../sign-in-guard";
import { createTestDb } from "../test-db";

// `npm run bench:sign-in`: issue 14's sign-in flood measured in process. 40 parallel sign-ins
// with unknown e-mails from 40 addresses go through the credentials provider's authorize while
// a setImmediate loop measures the longest the event loop was held (what a trivial request
// would wait). Before: bcryptjs on the event loop, no limits; after: @node-rs/bcrypt, with and
// without the default limits. Prints figures; asserts nothing.
const PARALLEL = 40;
// The hash the old authorize compared unknown e-mails against (bcryptjs ran cost 12 on it).
const OLD_NOBODY_HASH = "$2b$12$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva";
const ROOMY: LimitRules = {
  ...SIGN_IN_LIMITS,
  passwordPerIp: { points: 1_000_000, durationS: 60 },
  passwordGlobal: { points: 1_000_000, durationS: 60 },
};

type Phase = { name: string; verify: Pick<PasswordSignInDeps, "verifyPassword" | "verifyNobody">; rules: LimitRules };

/** The longest gap between two turns of a setImmediate loop while `work` runs. */
async function maxLoopDelay(work: () => Promise<unknown>): Promise<{ maxDelayMs: number; totalMs: number }> {
  let max = 0;
  let last = performance.now();
  let isRunning = true;
  const tick = () => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
    if (isRunning) setImmediate(tick);
  };
  setImmediate(tick);
  const start = performance.now();
  await work();
  const totalMs = performance.now() - start;
  isRunning = false;
  return { maxDelayMs: max, totalMs };
}

async function flood(db: Db, phase: Phase, round: number) {
  const deps: PasswordSignInDeps = {
    db,
    limits: new SignInLimits(db, phase.rules),
    lockout: new SignInLockout(db),
    ...phase.verify,
  };
  const outcomes: Record<string, number> = {};
  const figures = await maxLoopDelay(() =>
    Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        authorizePassword(deps, { email: `nobody-${round}-${i}@example.com`, password: "guess" }, `10.9.${round}.${i}`)
          .then(() => "ok")
          .catch((err: Error) => err.message)
          .then((outcome) => (outcomes[outcome] = (outcomes[outcome] ?? 0) + 1)),
      ),
    ),
  );
  return { ...figures, outcomes };
}

async function main() {
  const { db, cleanup } = await createTestDb();
  const phases: Phase[] = [
    {
      name: "before (bcryptjs on the event loop, no limits)",
      verify: {
        verifyPassword: (password, hash) => bcryptjs.compare(password, hash),
        verifyNobody: async (password) => (await bcryptjs.compare(password, OLD_NOBODY_HASH)) && false,
      },
      rules: ROOMY,
    },
    { name: "after (@node-rs/bcrypt, no limits)", verify: { verifyPassword, verifyNobody }, rules: ROOMY },
    {
      name: "after (@node-rs/bcrypt, default limits)",
      verify: { verifyPassword, verifyNobody },
      rules: SIGN_IN_LIMITS,
    },
  ];
  const results = [];
  try {
    // One unmeasured sign-in loads the native module and warms the database.
    await flood(db, { ...phases[1], name: "warm-up" }, 99);
    for (const [round, phase] of phases.entries()) {
      const result = await flood(db, phase, round);
      results.push(result);
      console.info(
        `${phase.name}: max event-loop delay ${result.maxDelayMs.toFixed(1)} ms; ` +
          `${PARALLEL} sign-ins took ${(result.totalMs / 1000).toFixed(2)} s; outcomes ${JSON.stringify(result.outcomes)}`,
      );
    }
  } finally {
    await cleanup();
  }
  const [before, after, limited] = results;
  console.info(
    `bench:sign-in parallel=${PARALLEL} before_max_loop_delay_ms=${before.maxDelayMs.toFixed(1)} ` +
      `after_max_loop_delay_ms=${after.maxDelayMs.toFixed(1)} after_default_limits_max_loop_delay_ms=${limited.maxDelayMs.toFixed(1)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
