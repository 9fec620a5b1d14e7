import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { requireAdmin } from "@/lib/server/auth";
import { getOuTree, type OuNode } from "@/lib/server/directory-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organizations"))("title") };
}

export default async function OrganizationsPage() {
  await requireAdmin();
  const t = await getTranslations();
  const tree = await getOuTree();
  const renderNodes = (nodes: OuNode[]) => (
    <ul role="group" className="ml-4 border-l pl-3">
      {nodes.map((n) => (
        <li key={n.id} role="treeitem" aria-expanded={n.children.length > 0 ? true : undefined} aria-selected={false} className="py-0.5">
          <span className="text-sm">{n.name}</span>{" "}
          <span className="text-muted-foreground text-xs">{t("organizations.members", { count: n.memberCount })}</span>
          {n.children.length > 0 && renderNodes(n.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <PageHeader title={t("organizations.title")} description={t("organizations.subtitle")} />
      <Alert className="mb-4">
        <AlertDescription>{t("organizations.readOnlyNote")}</AlertDescription>
      </Alert>
      {tree.length === 0 ? (
        <EmptyState icon={Building2} title={t("common.noResults")} />
      ) : (
        <div role="tree" aria-label={t("organizations.title")} className="-ml-4 rounded-lg border p-4">
          {renderNodes(tree)}
        </div>
      )}
    </>
  );
}
