import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import { dingTalkFieldLabel } from "@/lib/mapping/fields";
import { formatMessage, runErrorMessage, type Translate } from "@/lib/messages";
import { db } from "@/lib/server/db";
import { loadDriftSection, readDriftKind } from "@/lib/server/reconcile/drift-page";
import { DRIFT_KINDS, DRIFT_PAGE_SIZE, type DriftItemView, type DriftKind } from "@/lib/views/reconcile";
import { DriftActions } from "./drift-actions";

type Props = { idpId: string; kind?: string; page?: string };

/** The IdP page's last reconciliation and its drift list (server-paginated, filterable by kind). */
export async function DriftSection({ idpId, kind: kindParam, page: pageParam }: Props) {
  const kind = readDriftKind(kindParam);
  const data = await loadDriftSection(db, idpId, { kind, page: Number(pageParam ?? 1) });
  const t = await getTranslations("reconcile");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const { last, settings } = data;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  const href = (k: DriftKind | null, p = 1) => {
    const query = new URLSearchParams();
    if (k) query.set("drift", k);
    if (p > 1) query.set("driftPage", String(p));
    const qs = query.toString();
    return `/identity-providers/${idpId}${qs ? `?${qs}` : ""}#drift`;
  };
  const isRunning = last?.status === "running";
  const repairable = data.repairable;
  const tr = await getTranslations();
  const failure =
    last?.status === "failed" && last.error
      ? formatMessage(runErrorMessage(last.error), { t: tr as unknown as Translate, locale })
      : null;
  const pages = Math.max(1, Math.ceil(data.total / DRIFT_PAGE_SIZE));
  const value = (text: string | null) => text ?? t("empty");

  return (
    <Card id="drift" data-testid="drift-section">
      <CardHeader>
        <CardTitle>
          <h2>{t("sectionTitle")}</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-muted-foreground text-sm">
          {settings.schedule === "off" || !settings.nextAt
            ? t("nextNone")
            : t("nextAt", { when: when(settings.nextAt), zone: settings.timeZone })}
        </p>
        {!last && <p className="text-sm">{t("never")}</p>}
        {last && (
          <div role="status" className="text-sm" data-testid="drift-status">
            {isRunning
              ? t("running")
              : last.status === "failed"
                ? failure
                  ? t("failedBecause", { error: failure })
                  : t("failed")
                : t(last.trigger === "schedule" ? "lastScheduled" : "lastManual", {
                    when: when(last.finishedAt ?? last.startedAt),
                  })}
            {last.status === "succeeded" && (
              <span className="block">
                {last.counts.changed + last.counts.deleted + last.counts.moved + last.counts.unknown === 0
                  ? t("noDrift")
                  : t("summary", last.counts)}
              </span>
            )}
            {last.repairRunId && (
              <Link href={`/sync-runs/${last.repairRunId}`} className="text-primary block underline underline-offset-2">
                {t("repairRun")}
              </Link>
            )}
          </div>
        )}
        <DriftActions
          idpId={idpId}
          reconciliationId={last?.status === "succeeded" ? last.id : null}
          isRunning={isRunning}
          repairable={repairable}
          kind={kind}
        />
        {last?.status === "succeeded" && (
          <>
            <nav aria-label={t("filter")} className="flex flex-wrap gap-3 text-sm">
              {[null, ...DRIFT_KINDS].map((k) => (
                <Link
                  key={k ?? "all"}
                  href={href(k)}
                  aria-current={k === kind ? "page" : undefined}
                  className={k === kind ? "font-semibold underline underline-offset-4" : "text-primary hover:underline"}
                >
                  {k ? `${t(`kinds.${k}`)} (${last.counts[k]})` : t("all")}
                </Link>
              ))}
            </nav>
            {data.items.length === 0 ? (
              <p className="text-muted-foreground text-sm">{kind ? t("noneOfKind") : t("noDrift")}</p>
            ) : (
              <Table aria-label={t("sectionTitle")}>
                <TableHeader>
                  <TableRow>
                    <TableHead scope="col">{t("columns.object")}</TableHead>
                    <TableHead scope="col">{t("columns.kind")}</TableHead>
                    <TableHead scope="col">{t("columns.difference")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((item) => (
                    <TableRow key={item.id} data-testid="drift-item">
                      <TableCell>
                        <span className="block font-medium">{item.displayName}</span>
                        <span className="text-muted-foreground text-xs">{t(`objectTypes.${item.objectType}`)}</span>
                      </TableCell>
                      <TableCell>{t(`kinds.${item.kind}`)}</TableCell>
                      <TableCell>
                        <DriftDiff item={item} locale={locale} t={t} value={value} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {pages > 1 && (
              <nav aria-label={t("pagination")} className="flex items-center gap-3 text-sm">
                {data.page > 1 && (
                  <Link href={href(kind, data.page - 1)} className="text-primary hover:underline">
                    {t("previous")}
                  </Link>
                )}
                <span>{t("page", { page: data.page, pages })}</span>
                {data.page < pages && (
                  <Link href={href(kind, data.page + 1)} className="text-primary hover:underline">
                    {t("next")}
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"reconcile">>>;

function DriftDiff({
  item,
  locale,
  t,
  value,
}: {
  item: DriftItemView;
  locale: Locale;
  t: T;
  value: (text: string | null) => string;
}) {
  if (item.kind === "unknown") {
    const where = item.diff[0]?.before ?? null;
    return (
      <span className="text-xs">
        {t("unknownHint")}
        {where && <span className="block">{t("unknownWhere", { where })}</span>}
      </span>
    );
  }
  if (item.kind === "deleted") return <span className="text-xs">{t("deletedHint")}</span>;
  return (
    <div className="space-y-1 text-xs">
      <ul className="space-y-0.5">
        {item.diff.map((d) => (
          <li key={d.field}>
            {t("diffLine", {
              field: dingTalkFieldLabel(item.objectType, d.field, locale),
              theirs: value(d.before),
              ours: value(d.after),
            })}
          </li>
        ))}
      </ul>
      {item.directoryChanged && <p className="text-muted-foreground">{t("directoryChanged")}</p>}
    </div>
  );
}
