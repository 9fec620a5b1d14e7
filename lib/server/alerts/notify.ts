import "server-only";
import { ALERT_WINDOW_MS, type AlertKind } from "@/lib/alerts/kinds";
import { buildAlertMessage, type AlertMessage, type AlertSubject } from "@/lib/alerts/message";
import { loadConfig } from "../config";
import type { Db } from "../prisma-client";
import { sendMail, sendToRobot } from "./channels";
import { loadAlertChannels, type AlertChannels } from "./settings";

// Coalescing, agreed through the database by compare-and-set (several console processes and
// workers may raise the same alert): the first event of a quiet period is sent at once and opens a
// 10-minute window; events inside the window are only counted; when it ends, one message says how
// many there were (and opens the next window). So one message per IdP per kind per window at most.

/** How a message leaves: both channels, each failure logged as a code (alerts never stop a run). */
export type Deliver = (channels: AlertChannels, message: AlertMessage) => Promise<void>;

export const deliverToChannels: Deliver = async (channels, message) => {
  const sends: Promise<unknown>[] = [];
  if (channels.robot)
    sends.push(
      sendToRobot(channels.robot, message).then((r) => {
        if (!r.ok) console.warn(`[alerts] the DingTalk robot refused an alert for ${channels.idpId}: ${r.reason}`);
      }),
    );
  if (channels.mail)
    sends.push(
      sendMail(channels.mail, message).then((r) => {
        if (!r.ok) console.warn(`[alerts] the mail server refused an alert for ${channels.idpId}: ${r.reason}`);
      }),
    );
  await Promise.all(sends);
};

export type AlertOptions = { db: Db; now?: Date; deliver?: Deliver };

/** The console page an alert links to. */
export function alertLink(idpId: string, kind: AlertSubject): string {
  const base = loadConfig().publicBaseUrl.replace(/\/+$/, "");
  const page = kind === "run_failed" || kind === "deletes_held" ? "/sync-runs" : "";
  return `${base}/identity-providers/${encodeURIComponent(idpId)}${page}`;
}

async function send(options: AlertOptions, channels: AlertChannels, kind: AlertKind, count: number) {
  const message = buildAlertMessage({
    kind,
    count,
    idpName: channels.idpName,
    link: alertLink(channels.idpId, kind),
    language: channels.language,
  });
  await (options.deliver ?? deliverToChannels)(channels, message);
}

const isUniqueViolation = (err: unknown) =>
  typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";

/**
 * Raises an alert of this kind for this IdP (count: how many events, e.g. conflicts of one run).
 * Returns what became of it: "sent", "coalesced" into the open window, or "off" (not wanted).
 */
export async function raiseAlert(
  options: AlertOptions & { idpId: string; kind: AlertKind; count?: number },
): Promise<"sent" | "coalesced" | "off"> {
  const { db, idpId, kind } = options;
  const count = options.count ?? 1;
  const now = options.now ?? new Date();
  await flushAlerts(options);
  const channels = await loadAlertChannels(db, idpId);
  if (!channels || !channels.kinds.includes(kind) || (!channels.robot && !channels.mail)) return "off";
  const ends = new Date(now.getTime() + ALERT_WINDOW_MS);
  const key = { idpId_kind: { idpId, kind } };
  for (let attempt = 0; attempt < 3; attempt++) {
    const window = await db.alertWindow.findUnique({ where: key });
    if (!window) {
      try {
        await db.alertWindow.create({ data: { idpId, kind, windowEndsAt: ends, lastSentAt: now } });
      } catch (err) {
        if (isUniqueViolation(err)) continue; // another process opened it first
        throw err;
      }
      await send(options, channels, kind, count);
      return "sent";
    }
    if (window.windowEndsAt <= now && window.pending === 0) {
      const { count: won } = await db.alertWindow.updateMany({
        where: { idpId, kind, windowEndsAt: window.windowEndsAt, pending: 0 },
        data: { windowEndsAt: ends, lastSentAt: now },
      });
      if (won === 0) continue;
      await send(options, channels, kind, count);
      return "sent";
    }
    await db.alertWindow.update({
      where: key,
      data: { pending: { increment: count }, pendingSince: window.pendingSince ?? now },
    });
    if (!options.now) scheduleFlush(db, window.windowEndsAt);
    return "coalesced";
  }
  return "coalesced";
}

/** Sends one message per window that ended with events still unreported, saying how many. */
export async function flushAlerts(options: AlertOptions): Promise<number> {
  const { db } = options;
  const now = options.now ?? new Date();
  const due = await db.alertWindow.findMany({ where: { windowEndsAt: { lte: now }, pending: { gt: 0 } } });
  let sent = 0;
  for (const window of due) {
    const { count: won } = await db.alertWindow.updateMany({
      where: { idpId: window.idpId, kind: window.kind, windowEndsAt: window.windowEndsAt, pending: window.pending },
      data: {
        pending: 0,
        pendingSince: null,
        windowEndsAt: new Date(now.getTime() + ALERT_WINDOW_MS),
        lastSentAt: now,
      },
    });
    if (won === 0) continue; // another process flushed it, or an event came in: the next flush sends it
    const channels = await loadAlertChannels(db, window.idpId);
    if (!channels || (!channels.robot && !channels.mail)) continue;
    await send(options, channels, window.kind as AlertKind, window.pending);
    sent += 1;
  }
  // Windows still counting (another kind, another IdP, one that ends later): flush when the first ends.
  if (!options.now) {
    const next = await nextAlertFlush(db);
    if (next) scheduleFlush(db, next);
  }
  return sent;
}

/** When the earliest window with unreported events ends (null: nothing is waiting). */
export async function nextAlertFlush(db: Db): Promise<Date | null> {
  const next = await db.alertWindow.findFirst({
    where: { pending: { gt: 0 } },
    orderBy: { windowEndsAt: "asc" },
    select: { windowEndsAt: true },
  });
  return next?.windowEndsAt ?? null;
}

const FLUSH_EVERY_MS = 30_000;
let lastDueCheck = 0;

/**
 * Called from the incremental worker's loop: sends windows that ended, also those whose timer was
 * lost with a process that stopped. At most every 30 seconds; never throws.
 */
export async function flushDueAlerts(db: Db): Promise<void> {
  if (Date.now() - lastDueCheck < FLUSH_EVERY_MS) return;
  lastDueCheck = Date.now();
  await flushAlerts({ db }).catch((err: unknown) =>
    console.warn("[alerts] flush failed:", err instanceof Error ? err.message : String(err)),
  );
}

let timer: NodeJS.Timeout | null = null;
let timerAt = Infinity;

/**
 * This process flushes when the earliest counting window ends (each flush then schedules the next
 * one). A process that stops loses its timer: the worker loop's `flushDueAlerts` and the next alert
 * pick the window up. Only with the real clock: a caller passing `now` flushes itself.
 */
function scheduleFlush(db: Db, endsAt: Date): void {
  const at = endsAt.getTime();
  if (timer && timerAt <= at) return; // an earlier flush comes first and schedules this one after it
  if (timer) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(
    () => {
      timer = null;
      timerAt = Infinity;
      flushAlerts({ db }).catch((err: unknown) =>
        console.warn("[alerts] flush failed:", err instanceof Error ? err.message : String(err)),
      );
    },
    Math.max(0, at - Date.now()) + 1_000,
  );
  timer.unref();
}
