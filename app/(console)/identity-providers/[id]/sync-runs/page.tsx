import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunsTable } from "@/components/idp/runs/runs-table";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { getIdp, listRuns } from "@/lib/server/idp/queries";
import { RefreshCw } from "lucide-react";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("title") };
}

export default async function IdpSyncRunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  await requireAdmin();
  const { id } = await params;
  const idp = await getIdp(db, id);
  if (!idp) notFound();
  const t = await getTranslations("syncRuns");
  const page = Math.max(1, Number((await searchParams).page ?? 1) || 1);
  const { runs, pages } = await listRuns(db, { idpId: id, page });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={idp.displayName}
        actions={
          <Link href={`/identity-providers/${id}`} className="text-primary text-sm hover:underline">
            {t("backToIdp")}
          </Link>
        }
      />
      {runs.length === 0 ? (
        <EmptyState icon={RefreshCw} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <RunsTable runs={runs} showIdp={false} />
      )}
      {pages > 1 && <Pagination page={page} pages={pages} basePath={`/identity-providers/${id}/sync-runs`} />}
    </>
  );
}
