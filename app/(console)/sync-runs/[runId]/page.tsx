import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunView } from "@/components/idp/runs/run-view";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { getRunDetail } from "@/lib/server/idp/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("runTitle") };
}

export default async function SyncRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await requireAdmin();
  const { runId } = await params;
  const detail = await getRunDetail(db, runId);
  if (!detail) notFound();
  const t = await getTranslations("syncRuns");
  const format = await getFormatter();
  return (
    <>
      <PageHeader
        title={t("runTitle")}
        description={`${detail.run.idpName} · ${format.dateTime(new Date(detail.run.createdAt), { dateStyle: "medium", timeStyle: "medium" })}`}
        actions={
          <Link href={`/identity-providers/${detail.run.idpId}`} className="text-primary text-sm hover:underline">
            {t("backToIdp")}
          </Link>
        }
      />
      <RunView initial={detail} />
    </>
  );
}
