import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ModifyForms } from "@/components/idp/modify-forms";
import { PageHeader } from "@/components/shell/page-header";
import { loadAlertSettingsView } from "@/lib/server/alerts/settings";
import { requireAdmin } from "@/lib/server/auth";
import { loadReconcileSettingsView } from "@/lib/server/reconcile/settings";
import { db } from "@/lib/server/db";
import { wizardProps } from "@/lib/server/idp/wizard-props";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("modify"))("title") };
}

export default async function ModifyIdpPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const props = await wizardProps(db, id);
  if (!props.idp) notFound();
  const t = await getTranslations("modify");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={props.idp.displayName}
        actions={
          <Link href={`/identity-providers/${id}`} className="text-primary text-sm hover:underline">
            {t("back")}
          </Link>
        }
      />
      <ModifyForms
        id={id}
        application={props.application}
        developerInfo={props.developerInfo}
        scenario={props.scenario}
        hasFullSync={Boolean(props.idp.lastFullSyncAt)}
        alerts={await loadAlertSettingsView(db, id)}
        reconcile={await loadReconcileSettingsView(db, id)}
      />
    </>
  );
}
