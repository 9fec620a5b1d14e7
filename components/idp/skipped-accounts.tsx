"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { decideConflictAction } from "@/app/actions/idp/decide-conflict";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SkippedAccountView } from "@/lib/views/idp";

/** Accounts an administrator skipped: left out of every run until un-skipped. */
export function SkippedAccounts({ idpId, rows }: { idpId: string; rows: SkippedAccountView[] }) {
  const t = useTranslations("identityProviders");
  const format = useFormatter();
  const router = useRouter();
  const { text } = useWords();
  const [busy, setBusy] = useState<string | null>(null);
  const unskip = async (row: SkippedAccountView) => {
    setBusy(row.localId);
    const result = await decideConflictAction({ idpId, localId: row.localId, decision: "clear" });
    setBusy(null);
    if (!result.ok) return void toast.error(text(result.error));
    toast.success(t("unskipped", { name: row.displayName }));
    router.refresh();
  };
  return (
    <section id="skipped-accounts" aria-labelledby="skipped-heading" className="space-y-3">
      <div>
        <h2 id="skipped-heading" className="text-lg font-medium">
          {t("skippedTitle", { count: rows.length })}
        </h2>
        <p className="text-muted-foreground text-sm">{t("skippedDescription")}</p>
      </div>
      <Table aria-label={t("skippedTitle", { count: rows.length })}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("skippedAccount")}</TableHead>
            <TableHead>{t("skippedBy")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.localId} data-testid="skipped-account">
              <TableCell>
                <Link href={`/directory/accounts/${row.localId}`} className="font-medium hover:underline">
                  {row.displayName}
                </Link>
                {row.username && <span className="text-muted-foreground block text-xs">{row.username}</span>}
              </TableCell>
              <TableCell className="text-sm">
                {t("skippedByValue", {
                  by: row.decidedBy,
                  when: format.dateTime(new Date(row.decidedAt), { dateStyle: "medium", timeStyle: "short" }),
                })}
              </TableCell>
              <TableCell>
                <Button size="sm" variant="outline" disabled={busy !== null} onClick={() => void unskip(row)}>
                  {t("unskip", { name: row.displayName })}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
