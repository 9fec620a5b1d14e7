import { ListChecks } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { DeleteIdpButton } from "@/components/idp/delete-idp-button";
import { IdpStatusBadge, RunStatusBadge } from "@/components/idp/status-badge";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { listIdps } from "@/lib/server/idp/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identityProviders"))("title") };
}

export default async function IdentityProvidersPage() {
  await requireAdmin();
  const t = await getTranslations("identityProviders");
  const format = await getFormatter();
  const idps = await listIdps(db);
  const bind = (
    <Link href="/identity-providers/new/dingtalk" className={buttonVariants()}>
      {t("bindAction")}
    </Link>
  );
  if (idps.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} description={t("subtitle")} />
        <EmptyState icon={ListChecks} title={t("emptyTitle")} body={t("emptyBody")} action={bind} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} actions={bind} />
      <div className="overflow-x-auto rounded-md border">
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("displayName")}</TableHead>
              <TableHead>{t("type")}</TableHead>
              <TableHead>{t("direction")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              <TableHead>{t("lastSync")}</TableHead>
              <TableHead>
                <span className="sr-only">{t("actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {idps.map((idp) => {
              const isDraft = idp.status === "draft";
              const href = isDraft ? `/identity-providers/new/dingtalk?id=${idp.id}` : `/identity-providers/${idp.id}`;
              return (
                <TableRow key={idp.id} data-testid={`idp-row-${idp.corpId}`}>
                  <TableCell>
                    <Link href={href} className="text-primary font-medium underline-offset-4 hover:underline">
                      {idp.displayName}
                    </Link>
                  </TableCell>
                  <TableCell>{t("typeDingTalk")}</TableCell>
                  <TableCell>{t("outbound")}</TableCell>
                  <TableCell>
                    <IdpStatusBadge status={idp.status} />
                  </TableCell>
                  <TableCell>
                    {idp.lastRun ? (
                      <Link
                        href={`/sync-runs/${idp.lastRun.id}`}
                        className="flex items-center gap-2 text-sm hover:underline"
                      >
                        {format.dateTime(idp.lastRun.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                        <RunStatusBadge status={idp.lastRun.status} />
                      </Link>
                    ) : (
                      <span className="text-muted-foreground text-sm">{t("never")}</span>
                    )}
                  </TableCell>
                  <TableCell>
                    <div className="flex justify-end gap-2">
                      {isDraft ? (
                        <>
                          <Link
                            href={href}
                            className={buttonVariants({ size: "sm" })}
                            aria-label={t("continueNamed", { name: idp.displayName })}
                          >
                            {t("continue")}
                          </Link>
                          <DeleteIdpButton id={idp.id} name={idp.displayName} bindings={0} size="sm" />
                        </>
                      ) : (
                        <Link
                          href={href}
                          className={buttonVariants({ size: "sm", variant: "outline" })}
                          aria-label={t("openNamed", { name: idp.displayName })}
                        >
                          {t("open")}
                        </Link>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
