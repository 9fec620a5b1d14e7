"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { applyPlanAction } from "@/app/actions/idp/apply-plan";
import { decideConflictAction } from "@/app/actions/idp/decide-conflict";
import { DiffList } from "@/components/idp/runs/diff-list";
import { useWords } from "@/components/messages/use-words";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import { dingTalkFieldLabel } from "@/lib/mapping/fields";
import { reasonMessage } from "@/lib/messages";
import { REVIEW_GROUPS } from "@/lib/sync/review";
import type { ClashHolder } from "@/lib/sync/types";
import type { PlanItemView, PlanPage } from "@/lib/views/plans";
import { cn } from "@/lib/utils";

type Props = { data: PlanPage; changed: boolean; pagination?: React.ReactNode };

/** The review of a full sync's plan: what each group holds, page by page, and Apply. */
export function PlanReview({ data, changed, pagination }: Props) {
  const t = useTranslations("review");
  const { plan, group } = data;
  const base = `/identity-providers/${plan.idpId}/review/${plan.id}`;
  return (
    <div className="space-y-6">
      {changed && (
        <Alert variant="warning" role="status">
          <AlertTitle>{t("changedTitle")}</AlertTitle>
          <AlertDescription>{t("changedBody")}</AlertDescription>
        </Alert>
      )}
      <PlanState data={data} />
      <nav aria-label={t("groupsLabel")}>
        <ul className="flex flex-wrap gap-2">
          {REVIEW_GROUPS.map((g) => (
            <li key={g}>
              <Link
                href={`${base}?group=${g}`}
                aria-current={g === group ? "page" : undefined}
                className={cn(buttonVariants({ variant: g === group ? "default" : "outline", size: "sm" }), "gap-2")}
                data-testid={`review-group-${g}`}
              >
                {t(`groups.${g}`)}
                <span className="tabular-nums" aria-hidden>
                  {plan.counts[g]}
                </span>
                <span className="sr-only">{t("groupCount", { count: plan.counts[g] })}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="review-group-heading" className="space-y-2">
        <h2 id="review-group-heading" className="text-lg font-medium">
          {t(`groups.${group}`)}
        </h2>
        <p className="text-muted-foreground text-sm">{t(`groupHints.${group}`)}</p>
        <ItemsTable data={data} />
        {pagination}
      </section>
      {plan.status === "ready" && <ApplyPanel data={data} />}
    </div>
  );
}

function PlanState({ data }: { data: PlanPage }) {
  const t = useTranslations("review");
  const format = useFormatter();
  const { plan } = data;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "medium" });
  if (plan.status === "applied" || plan.status === "applying")
    return (
      <Alert variant={plan.status === "applied" ? "success" : "default"} role="status">
        <AlertTitle>
          {t(plan.status === "applied" ? "appliedTitle" : "applyingTitle", {
            by: plan.appliedBy ?? "",
            when: plan.appliedAt ? when(plan.appliedAt) : "",
          })}
        </AlertTitle>
        {plan.runId && (
          <AlertDescription>
            <Link className="underline underline-offset-2" href={`/sync-runs/${plan.runId}`}>
              {t("openRun")}
            </Link>
          </AlertDescription>
        )}
      </Alert>
    );
  if (plan.status === "stale")
    return (
      <Alert variant="warning" role="status">
        <AlertTitle>{t("staleTitle")}</AlertTitle>
        <AlertDescription>
          {plan.newestPlanId ? (
            <Link
              className="underline underline-offset-2"
              href={`/identity-providers/${plan.idpId}/review/${plan.newestPlanId}`}
            >
              {t("openNewest")}
            </Link>
          ) : (
            t("staleBody")
          )}
        </AlertDescription>
      </Alert>
    );
  return (
    <Alert role="status">
      <AlertTitle>{plan.firstSync ? t("firstSyncTitle") : t("readyTitle")}</AlertTitle>
      <AlertDescription>{t("readyBody", { by: plan.createdBy, when: when(plan.createdAt) })}</AlertDescription>
    </Alert>
  );
}

function HolderText({ holder }: { holder: ClashHolder }) {
  const t = useTranslations("review");
  return (
    <>
      <span className="font-medium">{holder.name ?? t("noName")}</span>{" "}
      <code className="text-muted-foreground text-xs">{holder.userid}</code>
      {holder.departments && <span className="text-muted-foreground block text-xs">{holder.departments}</span>}
    </>
  );
}

/** What happens to the object, in words: a deprovisioning says which policy, not "Update user". */
function operation(item: PlanItemView): string {
  if (item.kind === "user_update" && item.reason.code === "deprovision_move") return "user_move_holding";
  if (item.kind === "user_update" && item.reason.code === "deprovision_unbind") return "user_unbind";
  return item.kind;
}

function ItemsTable({ data }: { data: PlanPage }) {
  const t = useTranslations("review");
  const ts = useTranslations("syncRuns");
  const { text } = useWords();
  const locale = useLocale() as Locale;
  // One decision at a time on the page: each computes the plan again.
  const [busy, setBusy] = useState(false);
  if (data.items.length === 0)
    return <p className="text-muted-foreground rounded-md border p-4 text-sm">{t("empty")}</p>;
  const showActions = data.plan.status === "ready" && (data.group === "conflict" || data.group === "link");
  return (
    <Table aria-label={t(`groups.${data.group}`)} regionLabel={t(`groups.${data.group}`)}>
      <TableHeader>
        <TableRow>
          <TableHead>{ts("object")}</TableHead>
          <TableHead>{t("operation")}</TableHead>
          <TableHead>{t("dingtalkUser")}</TableHead>
          <TableHead>{t("why")}</TableHead>
          <TableHead>{ts("diff")}</TableHead>
          {showActions && <TableHead>{t("decision")}</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {data.items.map((item) => (
          <TableRow key={item.seq} data-testid="review-item">
            <TableCell>
              <div className="font-medium">{item.displayName}</div>
              <span className="text-muted-foreground text-xs">
                {ts(`objectTypes.${item.objectType === "user" ? "user" : "organization"}`)}
              </span>
            </TableCell>
            <TableCell>{t(`kinds.${operation(item)}`)}</TableCell>
            <TableCell className="whitespace-normal text-sm">
              {item.existing ? (
                <HolderText holder={item.existing} />
              ) : item.holders.length > 0 ? (
                <ul className="space-y-1">
                  {item.holders.map((h) => (
                    <li key={h.field}>
                      <span className="text-muted-foreground block text-xs">
                        {t("holds", { field: dingTalkFieldLabel("user", h.field, locale) })}
                      </span>
                      <HolderText holder={h.holder} />
                    </li>
                  ))}
                </ul>
              ) : item.remotePath && item.remotePath.length > 0 ? (
                <span>
                  {item.remotePath.at(-1)}
                  {item.remotePath.length > 1 && (
                    <span className="text-muted-foreground block text-xs">
                      {item.remotePath.slice(0, -1).join(" / ")}
                    </span>
                  )}
                </span>
              ) : item.objectType === "user" && item.remoteId && item.kind !== "user_create" ? (
                <code className="text-muted-foreground text-xs">{item.remoteId}</code>
              ) : (
                "—"
              )}
            </TableCell>
            <TableCell className="max-w-80 whitespace-normal text-sm">
              {text(reasonMessage(item.reason), item.objectType)}
            </TableCell>
            <TableCell className="whitespace-normal">
              <DiffList diff={item.diff} objectType={item.objectType} departments={data.departments} />
            </TableCell>
            {showActions && (
              <TableCell className="whitespace-normal">
                {item.objectType === "user" && (
                  <Decisions item={item} idpId={data.plan.idpId} planId={data.plan.id} busy={busy} setBusy={setBusy} />
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Link to the DingTalk user that holds the value, skip the account, edit it, or take a decision back. */
function Decisions({
  item,
  idpId,
  planId,
  busy,
  setBusy,
}: {
  item: PlanItemView;
  idpId: string;
  planId: string;
  busy: boolean;
  setBusy: (busy: boolean) => void;
}) {
  const t = useTranslations("review");
  const router = useRouter();
  const { text } = useWords();
  const decide = async (answer: { decision: "link"; remoteId: string } | { decision: "skip" | "clear" }) => {
    setBusy(true);
    const result = await decideConflictAction({ idpId, localId: item.localId, planId, ...answer });
    setBusy(false);
    if (!result.ok) return void toast.error(text(result.error));
    toast.success(t(`decided.${answer.decision}`, { name: item.displayName }));
    if (result.data.planId)
      router.push(`/identity-providers/${idpId}/review/${result.data.planId}?group=${item.group}`);
  };
  if (item.decision === "link" || item.reason.code === "linked_by_admin")
    return (
      <div className="flex flex-col items-start gap-1">
        <Badge variant="secondary">{t("linkedBadge")}</Badge>
        <Button size="sm" variant="outline" disabled={busy} onClick={() => void decide({ decision: "clear" })}>
          {t("undoLink", { name: item.displayName })}
        </Button>
      </div>
    );
  const named = <span className="sr-only">: {item.displayName}</span>;
  const skip = (
    <Button size="sm" variant="outline" disabled={busy} onClick={() => void decide({ decision: "skip" })}>
      {t("skip")}
      {named}
    </Button>
  );
  // A match by the identifier or a fallback may still be another person: it can be skipped one by one.
  if (item.group === "link") return item.kind === "user_bind" ? skip : null;
  if (item.group !== "conflict") return null;
  const targets = item.holders.filter((h, i, all) => all.findIndex((o) => o.holder.userid === h.holder.userid) === i);
  return (
    <div className="flex flex-col items-start gap-1">
      {targets.map((h) => (
        <Button
          key={h.holder.userid}
          size="sm"
          disabled={busy}
          onClick={() => void decide({ decision: "link", remoteId: h.holder.userid })}
        >
          {t("link", { name: h.holder.name ?? h.holder.userid })}
        </Button>
      ))}
      {skip}
      <Link href={`/directory/accounts/${item.localId}`} className="text-primary text-sm hover:underline">
        {t("edit")}
        {named}
      </Link>
    </div>
  );
}

function ApplyPanel({ data }: { data: PlanPage }) {
  const t = useTranslations("review");
  const router = useRouter();
  const { text } = useWords();
  const { plan } = data;
  const [confirmDeletes, setConfirmDeletes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const apply = async () => {
    setBusy(true);
    setError(null);
    const result = await applyPlanAction({ planId: plan.id, confirmDeletes });
    setBusy(false);
    if (!result.ok) {
      setError(text(result.error));
      return void router.refresh();
    }
    if ("runId" in result.data) return router.push(`/sync-runs/${result.data.runId}`);
    router.push(`/identity-providers/${plan.idpId}/review/${result.data.planId}?changed=1`);
  };
  const c = plan.counts;
  return (
    <section aria-labelledby="apply-heading" className="space-y-3 rounded-md border p-4">
      <h2 id="apply-heading" className="text-lg font-medium">
        {t("applyTitle")}
      </h2>
      <p className="text-sm">
        {t("applySummary", { create: c.create, update: c.update, link: c.link, delete: c.delete })}
      </p>
      {c.conflict + c.refused > 0 && (
        <p className="text-muted-foreground text-sm">{t("applyConflicts", { count: c.conflict + c.refused })}</p>
      )}
      {plan.held && (
        <div className="flex items-start gap-2">
          <Checkbox
            id="confirm-deletes"
            checked={confirmDeletes}
            onCheckedChange={(v) => setConfirmDeletes(v === true)}
            aria-describedby="confirm-deletes-hint"
          />
          <div>
            <Label htmlFor="confirm-deletes">{t("confirmDeletes", { count: plan.held.deletes })}</Label>
            <p id="confirm-deletes-hint" className="text-muted-foreground text-sm">
              {t("confirmDeletesHint", { bound: plan.held.bound })}
            </p>
          </div>
        </div>
      )}
      {error && (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      <Button onClick={() => void apply()} disabled={busy} aria-busy={busy}>
        {busy ? t("applying") : t("apply")}
      </Button>
    </section>
  );
}
