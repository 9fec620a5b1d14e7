"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { reconcileNowAction } from "@/app/actions/idp/reconcile-now";
import { repairDriftAction } from "@/app/actions/idp/repair-drift";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import type { DriftKind } from "@/lib/views/reconcile";

type Props = {
  idpId: string;
  reconciliationId: string | null;
  isRunning: boolean;
  /** The drifted objects Repair now would write (the filter's, unknown never). */
  repairable: number;
  kind: DriftKind | null;
};

/** Reconcile now and Repair now; while a reconciliation reads DingTalk, the page refreshes until it ends. */
export function DriftActions({ idpId, reconciliationId, isRunning, repairable, kind }: Props) {
  const t = useTranslations("reconcile");
  const words = useWords();
  const router = useRouter();
  const [busy, setBusy] = useState<"reconcile" | "repair" | null>(null);

  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [isRunning, router]);

  const reconcile = async () => {
    setBusy("reconcile");
    const result = await reconcileNowAction({ id: idpId });
    setBusy(null);
    if (!result.ok) return void toast.error(words.text(result.error));
    toast.success(t("started"));
    router.refresh();
  };
  const repair = async () => {
    if (!reconciliationId) return;
    setBusy("repair");
    const result = await repairDriftAction({ reconciliationId, ...(kind && { kind }) });
    setBusy(null);
    if (!result.ok) return void toast.error(words.text(result.error));
    router.push(`/sync-runs/${result.data.runId}`);
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" onClick={() => void reconcile()} disabled={busy !== null || isRunning}>
        {t("reconcileNow")}
      </Button>
      {reconciliationId && !isRunning && (
        <Button onClick={() => void repair()} disabled={busy !== null || repairable === 0}>
          {t("repairNow")}
        </Button>
      )}
      {repairable > 0 && !isRunning && (
        <span className="text-muted-foreground text-sm">{t("repairHint", { count: repairable })}</span>
      )}
    </div>
  );
}
