import { Search } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, parsePage } from "@/components/shell/pagination";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/server/auth";
import { listAccounts } from "@/lib/server/directory-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("title") };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  await requireAdmin();
  const t = await getTranslations();
  const params = await searchParams;
  const page = parsePage(params.page);
  const query = params.q?.slice(0, 100);
  const { accounts, total, pages } = await listAccounts({ page, query });
  return (
    <>
      <PageHeader title={t("accounts.title")} description={t("accounts.subtitle")} />
      <Alert className="mb-4">
        <AlertDescription>{t("accounts.readOnlyNote")}</AlertDescription>
      </Alert>
      <form role="search" className="mb-4 flex max-w-lg gap-2" action="/directory/accounts">
        <Input name="q" defaultValue={query} placeholder={t("accounts.searchPlaceholder")} aria-label={t("common.search")} />
        <Button type="submit" variant="outline">
          <Search aria-hidden className="size-4" />
          {t("common.search")}
        </Button>
      </form>
      <p className="text-muted-foreground mb-2 text-sm">{t("common.total", { count: total })}</p>
      <div className="rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("accounts.username")}</TableHead>
              <TableHead>{t("accounts.displayName")}</TableHead>
              <TableHead>{t("accounts.email")}</TableHead>
              <TableHead>{t("accounts.mobile")}</TableHead>
              <TableHead>{t("accounts.primaryOu")}</TableHead>
              <TableHead>{t("accounts.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accounts.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} className="text-muted-foreground py-8 text-center">{t("common.noResults")}</TableCell>
              </TableRow>
            )}
            {accounts.map((a) => (
              <TableRow key={a.id}>
                <TableCell className="font-mono text-xs">{a.username}</TableCell>
                <TableCell>{a.displayName}</TableCell>
                <TableCell>{a.email ?? "—"}</TableCell>
                <TableCell className="tabular-nums">{a.phoneNumber ? `+${a.phoneRegion ?? "86"} ${a.phoneNumber}` : "—"}</TableCell>
                <TableCell>{a.memberships[0]?.ou.name ?? "—"}</TableCell>
                <TableCell>
                  <Badge variant={a.status === "enabled" ? "success" : "secondary"}>
                    {a.status === "enabled" ? t("accounts.enabled") : t("accounts.disabled")}
                  </Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Pagination page={page} pages={pages} basePath="/directory/accounts" params={{ q: query }} />
    </>
  );
}
