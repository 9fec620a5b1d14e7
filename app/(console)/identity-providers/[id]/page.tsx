import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DriftSection } from "@/components/idp/drift-section";
import { IdpActions } from "@/components/idp/idp-actions";
import { IdpStatusBadge } from "@/components/idp/status-badge";
import { SkippedAccounts } from "@/components/idp/skipped-accounts";
import { SyncFailures } from "@/components/idp/sync-failures";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import type { Locale } from "@/lib/i18n/config";
import { formatMessage, runErrorMessage, type Translate } from "@/lib/messages";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { lastFullSyncRun, listSyncFailures } from "@/lib/server/idp/failures";
import { getIdp, ouNames } from "@/lib/server/idp/queries";
import { idpClient } from "@/lib/server/idp/client";
import { listSkipped } from "@/lib/server/sync/decisions";
import { readRunError } from "@/lib/sync/run";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identityProviders"))("overview") };
}

/** The name of the target node, or of another department of this IdP's corp (the holding department). */
async function targetName(id: string, deptId?: number): Promise<string | null> {
  const row = await db.identityProvider.findUnique({ where: { id } });
  if (!row) return null;
  try {
    // A slow or unreachable DingTalk must not hold the page: give up after 3 s.
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000));
    return await Promise.race([
      idpClient(row)
        .getDepartment(deptId ?? row.targetDeptId)
        .then((d) => d.name),
      timeout,
    ]);
  } catch {
    return null; // DingTalk unreachable: the overview still renders
  }
}

export default async function IdpOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ drift?: string; driftPage?: string }>;
}) {
  await requireAdmin();
  const { id } = await params;
  const { drift, driftPage } = await searchParams;
  const idp = await getIdp(db, id);
  if (!idp) notFound();
  if (idp.status === "draft") redirect(`/identity-providers/new/dingtalk?id=${id}`);
  const t = await getTranslations("identityProviders");
  const tr = await getTranslations();
  const locale = (await getLocale()) as Locale;
  const runErrorText = (json: string) => {
    const error = readRunError(json);
    return error && formatMessage(runErrorMessage(error), { t: tr as unknown as Translate, locale });
  };
  const format = await getFormatter();
  const holdingId = idp.deprovisionPolicy === "move" ? idp.deprovisionDeptId : null;
  const [names, deptName, bindings, backlog, failures, baseline, holdingName, skipped, waitingPlan] = await Promise.all(
    [
      ouNames(db, idp.sourceOuIds),
      targetName(id),
      db.binding.count({ where: { idpId: id } }),
      db.outboxEvent.count({ where: { id: { gt: idp.outboxCursor } } }),
      listSyncFailures(db, id),
      lastFullSyncRun(db, id, idp.lastFullSyncAt),
      holdingId ? targetName(id, holdingId) : null,
      listSkipped(db, id),
      db.syncPlan.findFirst({ where: { idpId: id, status: "ready" }, orderBy: { createdAt: "desc" } }),
    ],
  );
  // The worker backs off after a run that could not reach DingTalk: say why and until when.
  const pausedUntil = idp.incrementalRetryAt && idp.incrementalRetryAt > new Date() ? idp.incrementalRetryAt : null;
  const incremental = !idp.incrementalSync ? (
    t("incrementalOff")
  ) : (
    <>
      {t("incrementalOn", { backlog })}
      {pausedUntil && (
        <span role="status" className="text-destructive block">
          {t("incrementalRetrying", {
            when: format.dateTime(pausedUntil, { timeStyle: "medium" }),
            attempts: idp.incrementalFailures,
          })}
          {idp.incrementalError && <span className="block text-xs">{runErrorText(idp.incrementalError)}</span>}
        </span>
      )}
    </>
  );
  // A full sync whose failures were per object is still the baseline: say it was partial, and link its failures.
  const lastFullSync = !idp.lastFullSyncAt ? (
    t("never")
  ) : (
    <>
      {format.dateTime(idp.lastFullSyncAt, { dateStyle: "medium", timeStyle: "short" })}
      {baseline?.status === "partially_succeeded" && (
        <span className="block text-sm" data-testid="last-full-sync-partial">
          {failures.total > 0
            ? t.rich("lastFullSyncPartial", {
                count: failures.total,
                link: (chunks) => (
                  <a href="#sync-failures" className="underline underline-offset-2">
                    {chunks}
                  </a>
                ),
              })
            : t("lastFullSyncPartialResolved")}
        </span>
      )}
    </>
  );
  const rows: [string, React.ReactNode][] = [
    [t("corpId"), <code key="c">{idp.corpId}</code>],
    [t("appKey"), <code key="k">{idp.appKey}</code>],
    [
      t("appSecret"),
      <span key="s" aria-label={t("secretMasked")}>
        ••••••••
      </span>,
    ],
    [t("edition"), idp.edition === "private" ? t("editionPrivate") : t("editionPublic")],
    [t("scenario"), t("scenarioValue")],
    [t("scope"), idp.sourceOuIds.map((o) => names[o] ?? o).join(", ") || "—"],
    [t("targetNode"), deptName ? t("targetValue", { id: idp.targetDeptId, name: deptName }) : String(idp.targetDeptId)],
    [t("lastFullSync"), lastFullSync],
    [t("incremental"), incremental],
    [t("qrLogin"), idp.qrLogin ? t("on") : t("off")],
    [t("inAppSso"), idp.inAppSso ? t("on") : t("off")],
    [
      t("deprovision"),
      holdingId
        ? t("deprovision_move", {
            department: holdingName ? t("targetValue", { id: holdingId, name: holdingName }) : String(holdingId),
          })
        : t(idp.deprovisionPolicy === "unbind" ? "deprovision_unbind" : "deprovision_delete"),
    ],
    [t("reviewBeforeWriting"), idp.reviewBeforeWriting ? t("on") : t("reviewBeforeWritingOff")],
    [t("bindings"), String(bindings)],
  ];
  return (
    <>
      <PageHeader
        title={idp.displayName}
        description={t("overviewSubtitle")}
        actions={<IdpStatusBadge status={idp.status} />}
      />
      <div className="space-y-6">
        <IdpActions id={id} name={idp.displayName} status={idp.status} bindings={bindings} />
        {waitingPlan && (
          <Alert role="status" data-testid="plan-waiting">
            <AlertTitle>{t("planWaiting")}</AlertTitle>
            <AlertDescription>
              <span>
                {t("planWaitingBody", {
                  by: waitingPlan.createdBy,
                  when: format.dateTime(waitingPlan.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </span>
              <Link
                href={`/identity-providers/${id}/review/${waitingPlan.id}`}
                className="text-primary underline underline-offset-2"
              >
                {t("planWaitingLink")}
              </Link>
            </AlertDescription>
          </Alert>
        )}
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("overview")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <DescriptionList rows={rows} className="gap-x-6" />
          </CardContent>
        </Card>
        {failures.total > 0 && <SyncFailures idpId={id} total={failures.total} rows={failures.rows} />}
        {skipped.length > 0 && <SkippedAccounts idpId={id} rows={skipped} />}
        {idp.lastFullSyncAt && <DriftSection idpId={id} kind={drift} page={driftPage} />}
      </div>
    </>
  );
}
