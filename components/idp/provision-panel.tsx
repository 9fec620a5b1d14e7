"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useState } from "react";
import { provisionAccountAction } from "@/app/actions/idp/provision-account";
import { useWords } from "@/components/messages/use-words";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import type { Locale } from "@/lib/i18n/config";
import { dingTalkFieldLabel } from "@/lib/mapping/fields";
import { errcodeMessage, reasonMessage, runErrorMessage } from "@/lib/messages";
import { readReason } from "@/lib/sync/reasons";
import { isActiveRunStatus, readDiff, readRunError } from "@/lib/sync/run";
import type { ProvisionMatch, ProvisionResult, ProvisionScope, ProvisionTarget } from "@/lib/views/provision";
import type { RunDetail } from "@/lib/views/runs";
import { DiffList } from "./runs/diff-list";

type State = { phase: "idle" } | { phase: "planning" } | { phase: "done"; result: ProvisionResult };
type StepStatus = "pending" | "ok" | "stop";

function Step({ title, status, children }: { title: string; status: StepStatus; children: React.ReactNode }) {
  const t = useTranslations("provision");
  return (
    <li className="border-l-2 pl-3" data-step-status={status}>
      <div className="flex items-center gap-2 text-sm font-medium">
        {title}
        <Badge variant={status === "ok" ? "success" : status === "stop" ? "secondary" : "outline"}>
          {t(`stepStatus.${status}`)}
        </Badge>
      </div>
      <div className="text-sm">{children}</div>
    </li>
  );
}

function useScopeText() {
  const t = useTranslations("provision");
  return (scope: ProvisionScope) =>
    scope.inScope ? t("scope.in", { path: scope.ouPath.join(" / ") }) : t(`scope.${scope.why}`);
}

function useMatchText() {
  const t = useTranslations("provision");
  const locale = useLocale() as Locale;
  const field = (f: string) => dingTalkFieldLabel("user", f, locale);
  return (match: ProvisionMatch): string[] => {
    switch (match.how) {
      case "binding":
        return [t("match.binding", { userid: match.userid })];
      case "identifier":
      case "fallback":
        return [
          t(`match.${match.how}`, {
            field: field(match.field),
            value: match.value ?? "—",
            userid: match.userid,
            name: match.name ?? match.userid,
          }),
        ];
      case "link":
        return [t("match.link", { userid: match.userid, name: match.name ?? match.userid })];
      case "none":
        return [t("match.none", { userid: match.userid })];
      case "clash":
        return match.holders.map(({ field: f, holder }) =>
          t("match.clash", {
            field: field(f),
            name: holder.name ?? holder.userid,
            userid: holder.userid,
            hasDepartments: holder.departments ? "yes" : "no",
            departments: holder.departments ?? "",
          }),
        );
      case "refused":
        return [t("match.refused")];
    }
  };
}

/** The write: the run polled until it ends, then each record with DingTalk's answer. */
function WriteStep({ runId }: { runId: string }) {
  const t = useTranslations("provision");
  const tr = useTranslations("syncRuns");
  const { text } = useWords();
  const { data } = useQuery({
    queryKey: ["provision-run", runId],
    queryFn: async () => {
      const res = await fetch(`/api/sync-runs/${runId}`);
      if (!res.ok) throw new Error(String(res.status));
      return (await res.json()) as RunDetail;
    },
    staleTime: 0,
    refetchInterval: (query) => (!query.state.data || isActiveRunStatus(query.state.data.run.status) ? 1000 : false),
  });
  const run = data?.run;
  if (!run || isActiveRunStatus(run.status))
    return (
      <Step title={t("steps.write")} status="pending">
        {t("writing")}
      </Step>
    );
  const error = readRunError(run.error);
  const isOk = run.status === "succeeded";
  return (
    <Step title={t("steps.write")} status={isOk ? "ok" : "stop"}>
      <p>{t(isOk ? "written" : "writeFailed")}</p>
      {error && <p>{text(runErrorMessage(error))}</p>}
      <ul className="mt-1 space-y-1">
        {data.records.map((r) => {
          const reason = readReason(r.reason);
          return (
            <li key={r.id} data-record-status={r.status}>
              <span className="font-medium">{r.displayName}</span>: {tr(`actions.${r.action}`)} —{" "}
              {tr(`recordStatus.${r.status}`)}
              {r.errcode !== null && <span className="block">{text(errcodeMessage(r.errcode))}</span>}
              {reason && (
                <span className="text-muted-foreground block text-xs">{text(reasonMessage(reason), r.objectType)}</span>
              )}
              <DiffList diff={readDiff(r.diff)} objectType={r.objectType} departments={data.departments} />
            </li>
          );
        })}
      </ul>
      <Link href={`/sync-runs/${runId}`} className="text-primary text-sm hover:underline">
        {t("openRun")}
      </Link>
    </Step>
  );
}

/** The steps of one push, in words, as each becomes known. */
function ProvisionSteps({ state }: { state: State }) {
  const t = useTranslations("provision");
  const { text } = useWords();
  const scopeText = useScopeText();
  const matchText = useMatchText();
  if (state.phase === "idle") return null;
  if (state.phase === "planning")
    return (
      <Step title={t("steps.scope")} status="pending">
        {t("planning")}
      </Step>
    );
  const { result } = state;
  const { outcome } = result;
  return (
    <>
      <Step title={t("steps.scope")} status={result.scope.inScope ? "ok" : "stop"}>
        {scopeText(result.scope)}
      </Step>
      {result.match && (
        <Step title={t("steps.match")} status={["clash", "refused"].includes(result.match.how) ? "stop" : "ok"}>
          {matchText(result.match).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Step>
      )}
      {outcome.kind !== "failed" && (
        <Step title={t("steps.plan")} status={result.ops.length > 0 ? "ok" : "stop"}>
          {result.ops.length === 0 && <p>{t("noOps")}</p>}
          <ul className="space-y-1">
            {result.ops.map((op, i) => (
              <li key={i}>
                <span className="font-medium">{t(`kinds.${op.kind}`, { name: op.displayName })}</span>
                <span className="text-muted-foreground block text-xs">
                  {text(reasonMessage(op.reason), op.objectType)}
                </span>
                <DiffList diff={op.diff} objectType={op.objectType} departments={result.departments} />
              </li>
            ))}
          </ul>
        </Step>
      )}
      {outcome.kind === "writing" ? (
        <WriteStep runId={outcome.runId} />
      ) : (
        <Step title={t("steps.write")} status="stop">
          {outcome.kind === "failed"
            ? `${t("readFailed")} ${text(runErrorMessage(outcome.error))}`
            : outcome.kind === "in_step"
              ? t("inStep")
              : t(`notWritten.${outcome.why}`)}
        </Step>
      )}
    </>
  );
}

/** "Sync to DingTalk now" for one account and one IdP, with the steps below the button. */
export function ProvisionButton({
  idpId,
  accountId,
  accountName,
  idpName,
}: {
  idpId: string;
  accountId: string;
  accountName: string;
  /** Absent where the IdP is clear from the page (its conflict list). */
  idpName?: string;
}) {
  const t = useTranslations("provision");
  const { text } = useWords();
  const [state, setState] = useState<State>({ phase: "idle" });
  const [error, setError] = useState<string | null>(null);
  const stepsId = useId();
  const push = async () => {
    setError(null);
    setState({ phase: "planning" });
    const result = await provisionAccountAction({ idpId, accountId });
    if (!result.ok) {
      setState({ phase: "idle" });
      return setError(text(result.error));
    }
    setState({ phase: "done", result: result.data });
  };
  const isBusy = state.phase === "planning";
  return (
    <div className="space-y-2">
      <Button size="sm" disabled={isBusy} aria-controls={stepsId} onClick={() => void push()}>
        {t("syncNow")}
        <span className="sr-only">
          {idpName
            ? t("syncNowTarget", { account: accountName, idp: idpName })
            : t("syncNowAccount", { account: accountName })}
        </span>
      </Button>
      {error && (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      )}
      <div id={stepsId} role="status" aria-live="polite" aria-label={t("stepsLabel")}>
        <ol className="space-y-2">
          <ProvisionSteps state={state} />
        </ol>
      </div>
    </div>
  );
}

/** The account page's section: each IdP the account is synced to, with its push. */
export function ProvisionPanel({
  accountId,
  accountName,
  targets,
}: {
  accountId: string;
  accountName: string;
  targets: ProvisionTarget[];
}) {
  const t = useTranslations("provision");
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="mt-8 space-y-3">
      <h2 id={headingId} className="text-lg font-medium">
        {t("title")}
      </h2>
      <p className="text-muted-foreground text-sm">{t("description")}</p>
      {targets.length === 0 && <p className="text-sm">{t("noTargets")}</p>}
      <ul className="space-y-4">
        {targets.map((target) => (
          <li key={target.idpId} className="space-y-2 rounded-md border p-3">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/identity-providers/${target.idpId}`} className="font-medium hover:underline">
                {target.idpName}
              </Link>
              <Badge variant="outline">{t(target.bound ? "bound" : "notBound")}</Badge>
            </div>
            {target.status === "disabled" ? (
              <p className="text-muted-foreground text-sm">{t("idpDisabled")}</p>
            ) : (
              <ProvisionButton
                idpId={target.idpId}
                accountId={accountId}
                accountName={accountName}
                idpName={target.idpName}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** From the IdP's conflict list: the same push, in a dialog. */
export function ProvisionDialog({
  idpId,
  accountId,
  accountName,
}: {
  idpId: string;
  accountId: string;
  accountName: string;
}) {
  const t = useTranslations("provision");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          {t("syncNow")}
          <span className="sr-only">{t("syncNowAccount", { account: accountName })}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("dialogTitle", { account: accountName })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <ProvisionButton idpId={idpId} accountId={accountId} accountName={accountName} />
      </DialogContent>
    </Dialog>
  );
}
