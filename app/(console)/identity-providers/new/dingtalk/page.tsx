import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { BindWizard } from "@/components/idp/wizard/wizard";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { wizardProps } from "@/lib/server/idp/wizard-props";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wizard"))("title") };
}

// ?id=<draft id> resumes a draft at the step it was saved at.
export default async function BindDingTalkPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  await requireAdmin();
  const t = await getTranslations("wizard");
  const { id } = await searchParams;
  const { idp, ...props } = await wizardProps(db, id ?? null);
  if (id && !idp) notFound();
  if (idp && idp.status !== "draft") redirect(`/identity-providers/${idp.id}`);
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <BindWizard key={props.id ?? "new"} {...props} />
    </>
  );
}
