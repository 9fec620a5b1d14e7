import type { Prisma } from "@/lib/generated/prisma/client";

export type OutboxObjectType = "user" | "organization";
export type OutboxOperation = "create" | "update" | "delete" | "move" | "membership";
export type OutboxEventInput = {
  objectType: OutboxObjectType;
  objectId: string;
  operation: OutboxOperation;
  payload?: Record<string, unknown>;
};

export type Tx = Prisma.TransactionClient;

// Always called with the transaction that makes the change, so the change and
// its event commit together or not at all.
export async function emitOutbox(tx: Tx, events: OutboxEventInput | OutboxEventInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await tx.outboxEvent.createMany({
    data: list.map((e) => ({
      objectType: e.objectType,
      objectId: e.objectId,
      operation: e.operation,
      payload: JSON.stringify(e.payload ?? {}),
    })),
  });
}
