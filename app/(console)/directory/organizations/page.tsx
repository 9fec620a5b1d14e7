import { Download, Upload } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { NewRootOu } from "@/components/directory/new-root-ou";
import { OuActions } from "@/components/directory/ou-actions";
import { OuTree } from "@/components/directory/ou-tree";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { ouAncestry } from "@/lib/server/directory/ou-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organizations"))("title") };
}

const MEMBERS_SHOWN = 50;

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<{ ou?: string }> }) {
  await requireAdmin();
  const t = await getTranslations();
  const { ou: selectedId } = await searchParams;
  const selected = selectedId
    ? await db.organizationalUnit.findUnique({
        where: { id: selectedId },
        include: { _count: { select: { children: true, memberships: true } } },
      })
    : null;
  const [ancestry, members] = selected
    ? await Promise.all([
        ouAncestry(db, selected.id),
        db.membership.findMany({
          where: { ouId: selected.id },
          take: MEMBERS_SHOWN,
          orderBy: { account: { username: "asc" } },
          include: { account: { select: { id: true, username: true, displayName: true, status: true } } },
        }),
      ])
    : [[], []];
  return (
    <>
      <PageHeader
        title={t("organizations.title")}
        description={t("organizations.subtitle")}
        actions={
          <>
            <Link href="/directory/import?kind=organizations" className={buttonVariants({ variant: "outline" })}>
              <Upload aria-hidden className="size-4" />
              {t("import.title")}
            </Link>
            <a href="/api/directory/export/organizations.csv" className={buttonVariants({ variant: "outline" })}>
              <Download aria-hidden className="size-4" />
              {t("organizations.export")}
            </a>
            <NewRootOu />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
        <Card className="py-3">
          <CardContent className="px-3">
            <OuTree selectedId={selected?.id} expandedIds={ancestry.map((a) => a.id)} />
          </CardContent>
        </Card>
        {selected ? (
          <Card>
            <CardHeader>
              <nav aria-label={t("organizations.path")} className="text-muted-foreground text-xs">
                {ancestry.slice(0, -1).map((a) => (
                  <span key={a.id}>
                    <Link href={`/directory/organizations?ou=${a.id}`} className="hover:underline">
                      {a.name}
                    </Link>{" "}
                    /{" "}
                  </span>
                ))}
              </nav>
              <CardTitle>
                <h2 className="text-xl">{selected.name}</h2>
              </CardTitle>
              <CardDescription>
                {t("organizations.members", { count: selected._count.memberships })} ·{" "}
                {t("organizations.children", { count: selected._count.children })}
              </CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <OuActions
                ou={{
                  id: selected.id,
                  name: selected.name,
                  parentId: selected.parentId,
                  childCount: selected._count.children,
                  memberCount: selected._count.memberships,
                }}
              />
              <h3 className="font-medium">{t("organizations.directMembers")}</h3>
              {members.length === 0 ? (
                <p className="text-muted-foreground text-sm">{t("organizations.noMembers")}</p>
              ) : (
                <div className="rounded-lg border">
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>{t("accounts.username")}</TableHead>
                        <TableHead>{t("accounts.displayName")}</TableHead>
                        <TableHead>{t("accounts.primaryOu")}</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {members.map((m) => (
                        <TableRow key={m.accountId}>
                          <TableCell className="font-mono text-xs">
                            <Link className="text-primary hover:underline" href={`/directory/accounts/${m.account.id}`}>
                              {m.account.username}
                            </Link>
                          </TableCell>
                          <TableCell>{m.account.displayName}</TableCell>
                          <TableCell>{m.isPrimary ? t("organizations.yes") : "—"}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              )}
              {selected._count.memberships > MEMBERS_SHOWN && (
                <Link href={`/directory/accounts?ou=${selected.id}`} className="text-primary text-sm hover:underline">
                  {t("organizations.allMembers", { count: selected._count.memberships })}
                </Link>
              )}
            </CardContent>
          </Card>
        ) : (
          <Card>
            <CardContent className="text-muted-foreground py-12 text-center text-sm">
              {t("organizations.pickOne")}
            </CardContent>
          </Card>
        )}
      </div>
    </>
  );
}
