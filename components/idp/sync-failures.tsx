"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { retrySyncFailuresAction } from "@/app/actions/idp/retry-sync-failures";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useWords } from "@/components/messages/use-words";
import { errcodeMessage, reasonMessage } from "@/lib/messages";
import { readReason } from "@/lib/sync/reasons";
import type { SyncFailureView } from "@/lib/views/idp";
import { ConflictActions, isConflictReason } from "./conflict-actions";

/** Objects whose last write to DingTalk failed: why, how often, when the worker tries again; Retry now. */
export function SyncFailures({ idpId, rows, total }: { idpId: string; rows: SyncFailureView[]; total: number }) {
  const t = useTranslations("identityProviders");
  const ts = useTranslations("syncRuns");
  const format = useFormatter();
  const router = useRouter();
  const messages = useWords();
  const [isPending, setPending] = useState(false);
  const retry = async () => {
    setPending(true);
    const result = await retrySyncFailuresAction({ id: idpId });
    setPending(false);
    if (!result.ok) return void toast.error(messages.text(result.error));
    router.push(`/sync-runs/${result.data.runId}`);
  };
  // The conflict queue: clashes with existing DingTalk users get Link, Skip and Edit.
  const hasConflicts = rows.some((f) => f.objectType === "user" && isConflictReason(readReason(f.reason)));
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  return (
    <section id="sync-failures" aria-labelledby="failures-heading" className="scroll-mt-4 space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="mr-auto">
          <h2 id="failures-heading" className="text-lg font-medium">
            {t("failuresTitle", { count: total })}
          </h2>
          <p className="text-muted-foreground text-sm">{t("failuresDescription")}</p>
        </div>
        <Button onClick={() => void retry()} disabled={isPending} aria-busy={isPending}>
          {t("retryFailures")}
        </Button>
      </div>
      <Table aria-label={t("failuresTitle", { count: total })} regionLabel={t("failuresTitle", { count: total })}>
        <TableHeader>
          <TableRow>
            <TableHead>{ts("object")}</TableHead>
            <TableHead>{ts("message")}</TableHead>
            <TableHead>{t("failureAttempts")}</TableHead>
            <TableHead>{t("failureLast")}</TableHead>
            <TableHead>{t("failureNextRetry")}</TableHead>
            {hasConflicts && <TableHead>{t("conflictDecision")}</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((f) => {
            const reason = readReason(f.reason);
            return (
              <TableRow key={f.id}>
                <TableCell>
                  <div className="font-medium">{f.displayName}</div>
                  <span className="text-muted-foreground text-xs">
                    {ts(`objectTypes.${f.objectType === "user" ? "user" : "organization"}`)}
                  </span>
                </TableCell>
                <TableCell className="max-w-96 whitespace-normal text-sm">
                  {f.errcode !== null && <code className="mr-1">{f.errcode}</code>}
                  {f.errcode !== null && messages.text(errcodeMessage(f.errcode))}
                  {reason && (
                    <span className="text-muted-foreground block text-xs">
                      {messages.text(reasonMessage(reason), f.objectType)}
                    </span>
                  )}
                </TableCell>
                <TableCell>{f.attempts}</TableCell>
                <TableCell>
                  <Link className="underline underline-offset-2" href={`/sync-runs/${f.runId}`}>
                    {when(f.lastFailedAt)}
                  </Link>
                </TableCell>
                <TableCell className="whitespace-normal text-sm">
                  {f.nextRetryAt ? when(f.nextRetryAt) : t("failureManual")}
                </TableCell>
                {hasConflicts && (
                  <TableCell className="whitespace-normal">
                    {f.objectType === "user" && reason && isConflictReason(reason) && (
                      <ConflictActions
                        idpId={idpId}
                        localId={f.localId}
                        displayName={f.displayName}
                        reason={reason}
                        linkedTo={f.linkedTo}
                      />
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
