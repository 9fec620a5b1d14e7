"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { countBoundAccountsAction } from "@/app/actions/directory/count-bound-accounts";
import { deleteAccountsAction } from "@/app/actions/directory/delete-accounts";
import { setAccountsStatusAction } from "@/app/actions/directory/set-accounts-status";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useWords } from "@/components/messages/use-words";

export type AccountRow = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  mobile: string | null;
  primaryOu: string | null;
  status: string;
};

export function AccountsTable({ rows }: { rows: AccountRow[] }) {
  const t = useTranslations();
  const router = useRouter();
  const messages = useWords();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<{ bound: number } | null>(null);
  const [isPending, startTransition] = useTransition();
  const ids = [...selected].filter((id) => rows.some((r) => r.id === id));
  const allChecked = rows.length > 0 && ids.length === rows.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))));
  const done = () => {
    setSelected(new Set());
    router.refresh();
  };
  const setStatus = (status: "enabled" | "disabled") =>
    startTransition(async () => {
      const result = await setAccountsStatusAction({ ids, status });
      if (messages.toastResult(result, t("accounts.statusChanged", { count: result.ok ? result.data.changed : 0 })))
        done();
    });
  const askDelete = () =>
    startTransition(async () => {
      const result = await countBoundAccountsAction({ ids });
      setConfirm({ bound: result.ok ? result.data.bound : 0 });
    });
  const doDelete = () =>
    startTransition(async () => {
      const result = await deleteAccountsAction({ ids });
      setConfirm(null);
      if (messages.toastResult(result, t("accounts.deleted", { count: result.ok ? result.data.deleted : 0 }))) done();
    });

  return (
    <>
      <div
        role="toolbar"
        aria-label={t("accounts.bulkActions")}
        className="mb-2 flex min-h-9 flex-wrap items-center gap-2"
      >
        <span className="text-muted-foreground text-sm" aria-live="polite">
          {t("accounts.selected", { count: ids.length })}
        </span>
        <Button
          size="sm"
          variant="outline"
          disabled={ids.length === 0 || isPending}
          onClick={() => setStatus("enabled")}
        >
          {t("accounts.enable")}
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={ids.length === 0 || isPending}
          onClick={() => setStatus("disabled")}
        >
          {t("accounts.disable")}
        </Button>
        <Button size="sm" variant="destructive" disabled={ids.length === 0 || isPending} onClick={askDelete}>
          {t("accounts.delete")}
        </Button>
      </div>
      <div className="rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead className="w-10">
                <Checkbox
                  aria-label={t("accounts.selectAll")}
                  checked={allChecked ? true : ids.length > 0 ? "indeterminate" : false}
                  onCheckedChange={(v) => setSelected(v === true ? new Set(rows.map((r) => r.id)) : new Set())}
                />
              </TableHead>
              <TableHead>{t("accounts.username")}</TableHead>
              <TableHead>{t("accounts.displayName")}</TableHead>
              <TableHead>{t("accounts.email")}</TableHead>
              <TableHead>{t("accounts.mobile")}</TableHead>
              <TableHead>{t("accounts.primaryOu")}</TableHead>
              <TableHead>{t("accounts.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={7} className="text-muted-foreground py-8 text-center">
                  {t("common.noResults")}
                </TableCell>
              </TableRow>
            )}
            {rows.map((a) => (
              <TableRow key={a.id} data-state={selected.has(a.id) ? "selected" : undefined}>
                <TableCell>
                  <Checkbox
                    aria-label={t("accounts.selectOne", { name: a.username })}
                    checked={selected.has(a.id)}
                    onCheckedChange={(v) => toggle(a.id, v === true)}
                  />
                </TableCell>
                <TableCell className="font-mono text-xs">
                  <Link href={`/directory/accounts/${a.id}`} className="text-primary hover:underline">
                    {a.username}
                  </Link>
                </TableCell>
                <TableCell>{a.displayName}</TableCell>
                <TableCell>{a.email ?? "—"}</TableCell>
                <TableCell className="tabular-nums">{a.mobile ?? "—"}</TableCell>
                <TableCell>{a.primaryOu ?? "—"}</TableCell>
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
      <AlertDialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("accounts.deleteTitle", { count: ids.length })}</AlertDialogTitle>
            <AlertDialogDescription>{t("accounts.deleteBody", { bound: confirm?.bound ?? 0 })}</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={doDelete} disabled={isPending}>
              {t("accounts.deleteConfirm", { count: ids.length })}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
