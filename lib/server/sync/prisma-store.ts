import type { BindingRecord, ObjectType, SyncRecordInput, SyncStore } from "@/lib/sync";
import type { Db } from "../prisma-client";

/** Failures worth retrying by themselves: the cause may pass (throttling, DingTalk or network trouble). */
const RETRYABLE_REASONS = new Set(["dingtalk_throttled", "dingtalk_transient", "dingtalk_network"]);
export const MAX_AUTOMATIC_ATTEMPTS = 5;

/** When the worker tries a failed object again: 10 s, 20 s, 40 s, 80 s, then a person decides. */
export function nextRetryAt(attempts: number, reasonCode: string, now = Date.now()): Date | null {
  if (!RETRYABLE_REASONS.has(reasonCode) || attempts >= MAX_AUTOMATIC_ATTEMPTS) return null;
  return new Date(now + 5_000 * 2 ** attempts);
}

/** SyncStore on the console's database, for one IdP and one run. */
export class PrismaSyncStore implements SyncStore {
  private failing: Promise<Set<string>> | undefined;

  constructor(
    private readonly db: Db,
    private readonly idpId: string,
    private readonly runId: string,
    private readonly isDryRun: boolean,
  ) {}

  async writeBinding(b: BindingRecord): Promise<void> {
    if (this.isDryRun) return;
    // A remote object held by another local object would break the unique index: release it first.
    await this.db.binding.deleteMany({
      where: { idpId: this.idpId, objectType: b.objectType, remoteId: b.remoteId, localId: { not: b.localId } },
    });
    await this.db.binding.upsert({
      where: { idpId_objectType_localId: { idpId: this.idpId, objectType: b.objectType, localId: b.localId } },
      create: {
        idpId: this.idpId,
        objectType: b.objectType,
        localId: b.localId,
        remoteId: b.remoteId,
        contentHash: b.contentHash,
        rulesDigest: b.rulesDigest ?? null,
        lastSyncedAt: new Date(),
      },
      update: {
        remoteId: b.remoteId,
        contentHash: b.contentHash,
        rulesDigest: b.rulesDigest ?? null,
        lastSyncedAt: new Date(),
      },
    });
  }

  async deleteBinding(objectType: ObjectType, localId: string): Promise<void> {
    if (this.isDryRun) return;
    await this.db.binding.deleteMany({ where: { idpId: this.idpId, objectType, localId } });
  }

  async findBindingByRemote(objectType: ObjectType, remoteId: string): Promise<BindingRecord | null> {
    const b = await this.db.binding.findUnique({
      where: { idpId_objectType_remoteId: { idpId: this.idpId, objectType, remoteId } },
    });
    return (
      b && {
        objectType: b.objectType as ObjectType,
        localId: b.localId,
        remoteId: b.remoteId,
        contentHash: b.contentHash,
        rulesDigest: b.rulesDigest,
      }
    );
  }

  async writeRecord(r: SyncRecordInput): Promise<void> {
    await this.db.syncRecord.create({
      data: {
        runId: this.runId,
        objectType: r.objectType,
        localId: r.localId,
        remoteId: r.remoteId,
        displayName: r.displayName,
        action: r.action,
        status: r.status,
        reason: JSON.stringify(r.reason),
        errcode: r.errcode,
        errorMessage: r.errorMessage,
        diff: JSON.stringify(r.diff),
      },
    });
    if (!this.isDryRun && r.localId) await this.trackFailure(r, r.localId);
  }

  /** Keeps SyncFailure in step: a failure is counted (with its next retry), a success clears it. */
  private async trackFailure(r: SyncRecordInput, localId: string): Promise<void> {
    this.failing ??= this.db.syncFailure
      .findMany({ where: { idpId: this.idpId }, select: { objectType: true, localId: true } })
      .then((rows) => new Set(rows.map((f) => `${f.objectType}:${f.localId}`)));
    const failing = await this.failing;
    const key = `${r.objectType}:${localId}`;
    const where = { idpId_objectType_localId: { idpId: this.idpId, objectType: r.objectType, localId } };
    if (r.status === "succeeded" && failing.has(key)) {
      failing.delete(key);
      await this.db.syncFailure.deleteMany({ where: { idpId: this.idpId, objectType: r.objectType, localId } });
      return;
    }
    if (r.status !== "failed") return;
    failing.add(key);
    const fields = {
      displayName: r.displayName,
      errcode: r.errcode,
      errorMessage: r.errorMessage,
      reason: JSON.stringify(r.reason),
      runId: this.runId,
    };
    const previous = await this.db.syncFailure.findUnique({ where, select: { attempts: true } });
    const attempts = (previous?.attempts ?? 0) + 1;
    await this.db.syncFailure.upsert({
      where,
      create: {
        idpId: this.idpId,
        objectType: r.objectType,
        localId,
        ...fields,
        nextRetryAt: nextRetryAt(attempts, r.reason.code),
      },
      update: { ...fields, attempts, lastFailedAt: new Date(), nextRetryAt: nextRetryAt(attempts, r.reason.code) },
    });
  }
}
