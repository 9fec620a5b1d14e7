import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfigureMapping } from "@/components/idp/mapping/configure-mapping";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { getIdp, getRules } from "@/lib/server/idp/queries";
import { customFieldList } from "@/lib/server/idp/wizard-props";
import { readMatchFallbacks } from "@/lib/sync/matching";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mapping"))("title") };
}

export default async function FieldMappingPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const idp = await getIdp(db, id);
  if (!idp) notFound();
  const t = await getTranslations("mapping");
  const [rules, customFields] = await Promise.all([getRules(db, id), customFieldList(db)]);
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
      <ConfigureMapping
        idpId={id}
        rules={rules}
        matchFallbacks={readMatchFallbacks(idp.matchFallbacks)}
        scopeFilter={idp.scopeFilter ?? ""}
        customFields={customFields}
        canSync={idp.status === "enabled" || idp.status === "needs_attention"}
      />
    </>
  );
}
