"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { cancelRunAction } from "@/app/actions/idp/cancel-run";
import { retryFailedAction } from "@/app/actions/idp/retry-failed";
import { startSyncAction } from "@/app/actions/idp/start-sync";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { useWords } from "@/components/messages/use-words";
import { isActiveRunStatus, RECORD_STATUSES } from "@/lib/sync/run";
import { syncDestination } from "@/lib/views/plans";
import type { RunDetail } from "@/lib/views/runs";
import { RecordsTable } from "./records-table";
import { RunProgress } from "./run-progress";

const ALL = "all";

/** A run, polled every second while it is queued or running; its records filterable by status and type. */
export function RunView({ initial }: { initial: RunDetail }) {
  const t = useTranslations("syncRuns");
  const router = useRouter();
  const messages = useWords();
  const [status, setStatus] = useState(ALL);
  const [objectType, setObjectType] = useState(ALL);
  const [page, setPage] = useState(1);
  const runId = initial.run.id;
  const isDefault = status === ALL && objectType === ALL && page === 1;
  const { data } = useQuery({
    queryKey: ["sync-run", runId, status, objectType, page],
    queryFn: async () => {
      const params = new URLSearchParams({ page: String(page) });
      if (status !== ALL) params.set("status", status);
      if (objectType !== ALL) params.set("objectType", objectType);
      const res = await fetch(`/api/sync-runs/${runId}?${params}`);
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as RunDetail;
    },
    initialData: isDefault ? initial : undefined,
    staleTime: 0,
    refetchInterval: (query) => (isActiveRunStatus(query.state.data?.run.status ?? initial.run.status) ? 1000 : false),
  });
  const detail = data ?? initial;
  const run = detail.run;
  const isActive = isActiveRunStatus(run.status);

  const retry = async () => {
    const result = await retryFailedAction({ runId });
    if (!result.ok) return void toast.error(messages.text(result.error));
    router.push(`/sync-runs/${result.data.runId}`);
  };
  const confirmDeletes = async () => {
    const result = await startSyncAction({ id: run.idpId, mode: "full", confirmDeletes: true });
    if (!result.ok) return void toast.error(messages.text(result.error));
    router.push(syncDestination(run.idpId, result.data));
  };
  const cancel = async () => {
    const result = await cancelRunAction({ runId });
    if (!result.ok) toast.error(messages.text(result.error));
  };

  return (
    <div className="space-y-6">
      <RunProgress run={run} />
      <div className="flex flex-wrap gap-2">
        {isActive && (
          <Button variant="outline" onClick={() => void cancel()}>
            {t("cancel")}
          </Button>
        )}
        {!isActive && run.kind !== "dry_run" && run.failed > 0 && (
          <Button onClick={() => void retry()}>{t("retryFailed")}</Button>
        )}
        {run.status === "held" && (run.kind === "full" || run.kind === "retry") && (
          <Button variant="destructive" onClick={() => void confirmDeletes()}>
            {t("confirmDeletes")}
          </Button>
        )}
      </div>
      <section aria-labelledby="records-heading" className="space-y-3">
        <div className="flex flex-wrap items-end gap-3">
          <h2 id="records-heading" className="mr-auto text-lg font-medium">
            {t("records")}
          </h2>
          <Select
            value={status}
            onValueChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
          >
            <SelectTrigger aria-label={t("filterStatus")} className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("allStatuses")}</SelectItem>
              {RECORD_STATUSES.map((s) => (
                <SelectItem key={s} value={s}>
                  {t(`recordStatus.${s}`)} ({detail.statusCounts[s] ?? 0})
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          <Select
            value={objectType}
            onValueChange={(v) => {
              setObjectType(v);
              setPage(1);
            }}
          >
            <SelectTrigger aria-label={t("filterType")} className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ALL}>{t("allTypes")}</SelectItem>
              <SelectItem value="user">{t("objectTypes.user")}</SelectItem>
              <SelectItem value="organization">{t("objectTypes.organization")}</SelectItem>
            </SelectContent>
          </Select>
        </div>
        <div className="rounded-md border">
          <RecordsTable records={detail.records} departments={detail.departments} />
        </div>
        {detail.pages > 1 && (
          <div className="flex items-center gap-2">
            <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t("previousPage")}
            </Button>
            <span className="text-sm">{t("page", { page, pages: detail.pages })}</span>
            <Button variant="outline" size="sm" disabled={page >= detail.pages} onClick={() => setPage((p) => p + 1)}>
              {t("nextPage")}
            </Button>
          </div>
        )}
      </section>
    </div>
  );
}
