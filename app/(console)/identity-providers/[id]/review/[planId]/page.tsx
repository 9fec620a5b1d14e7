import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanReview } from "@/components/idp/review/plan-review";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { readPlanPage } from "@/lib/server/sync/plan-pages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

type Search = { group?: string; page?: string; changed?: string };

export default async function PlanReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; planId: string }>;
  searchParams: Promise<Search>;
}) {
  await requireAdmin();
  const { id, planId } = await params;
  const search = await searchParams;
  const data = await readPlanPage(db, { planId, group: search.group, page: Number(search.page) || 1 });
  if (!data || data.plan.idpId !== id) notFound();
  const t = await getTranslations("review");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("subtitle", { name: data.plan.idpName })}
        actions={
          <Link href={`/identity-providers/${id}`} className="text-primary text-sm hover:underline">
            {t("backToIdp")}
          </Link>
        }
      />
      <PlanReview
        data={data}
        changed={search.changed === "1"}
        pagination={
          data.pages > 1 && (
            <Pagination
              page={data.page}
              pages={data.pages}
              basePath={`/identity-providers/${id}/review/${planId}`}
              params={{ group: data.group }}
            />
          )
        }
      />
    </>
  );
}
