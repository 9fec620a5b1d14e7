"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ArrowDown, ArrowUp, FolderInput, Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createOuAction } from "@/app/actions/directory/create-ou";
import { deleteOuAction } from "@/app/actions/directory/delete-ou";
import { moveOuAction } from "@/app/actions/directory/move-ou";
import { reorderOuAction } from "@/app/actions/directory/reorder-ou";
import { updateOuAction } from "@/app/actions/directory/update-ou";
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
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/action-result";
import { OuSearch } from "./ou-search";
import { useWords } from "@/components/messages/use-words";

type Ou = { id: string; name: string; parentId: string | null; childCount: number; memberCount: number };
type Mode = "add" | "rename" | "move" | "delete" | null;

export function OuActions({ ou }: { ou: Ou }) {
  const t = useTranslations("organizations");
  const tc = useTranslations("common");
  const router = useRouter();
  const queryClient = useQueryClient();
  const messages = useWords();
  const [mode, setMode] = useState<Mode>(null);
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isPending, startTransition] = useTransition();

  const open = (next: Mode) => {
    setError(undefined);
    setName(next === "rename" ? ou.name : "");
    setMode(next);
  };
  const finish = <T,>(result: ActionResult<T>, success: string, goTo?: string) => {
    if (!result.ok) {
      const field = Object.values(result.error.fieldErrors ?? {})[0]?.[0];
      setError(messages.fieldText(field) ?? messages.text(result.error));
      return;
    }
    setMode(null);
    messages.toastResult(result, success);
    void queryClient.invalidateQueries({ queryKey: ["ou-children"] });
    if (goTo) router.push(goTo);
    router.refresh();
  };
  const run = (fn: () => Promise<void>) => startTransition(fn);

  return (
    <div className="flex flex-wrap gap-2" role="toolbar" aria-label={t("actions")}>
      <Button size="sm" variant="outline" onClick={() => open("add")}>
        <Plus aria-hidden className="size-4" />
        {t("addChild")}
      </Button>
      <Button size="sm" variant="outline" onClick={() => open("rename")}>
        <Pencil aria-hidden className="size-4" />
        {t("rename")}
      </Button>
      {ou.parentId && (
        <Button size="sm" variant="outline" onClick={() => open("move")}>
          <FolderInput aria-hidden className="size-4" />
          {t("move")}
        </Button>
      )}
      <Button
        size="sm"
        variant="outline"
        aria-label={t("moveUp")}
        disabled={isPending}
        onClick={() => run(async () => finish(await reorderOuAction({ id: ou.id, direction: "up" }), t("reordered")))}
      >
        <ArrowUp aria-hidden className="size-4" />
      </Button>
      <Button
        size="sm"
        variant="outline"
        aria-label={t("moveDown")}
        disabled={isPending}
        onClick={() => run(async () => finish(await reorderOuAction({ id: ou.id, direction: "down" }), t("reordered")))}
      >
        <ArrowDown aria-hidden className="size-4" />
      </Button>
      <Button size="sm" variant="destructive" onClick={() => open("delete")}>
        <Trash2 aria-hidden className="size-4" />
        {t("delete")}
      </Button>

      <Dialog open={mode === "add" || mode === "rename"} onOpenChange={(o) => !o && setMode(null)}>
        <DialogContent>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              run(async () =>
                mode === "add"
                  ? finish(await createOuAction({ name, parentId: ou.id }), t("created"))
                  : finish(await updateOuAction({ id: ou.id, name }), t("renamed")),
              );
            }}
            className="space-y-4"
          >
            <DialogHeader>
              <DialogTitle>
                {mode === "add" ? t("addChildTitle", { name: ou.name }) : t("renameTitle", { name: ou.name })}
              </DialogTitle>
              <DialogDescription>{t("nameRules")}</DialogDescription>
            </DialogHeader>
            <FormField id="ou-name" label={t("name")} error={error}>
              <Input
                id="ou-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoFocus
                aria-invalid={!!error}
                aria-describedby={error ? "ou-name-error" : undefined}
              />
            </FormField>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setMode(null)}>
                {tc("cancel")}
              </Button>
              <Button type="submit" disabled={isPending}>
                {tc("save")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>

      <Dialog open={mode === "move"} onOpenChange={(o) => !o && setMode(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("moveTitle", { name: ou.name })}</DialogTitle>
            <DialogDescription>{t("moveHelp")}</DialogDescription>
          </DialogHeader>
          {error && (
            <p role="alert" className="text-destructive text-sm">
              {error}
            </p>
          )}
          <OuSearch
            label={t("newParent")}
            autoFocus
            excludeIds={[ou.id]}
            onPick={(target) =>
              run(async () => finish(await moveOuAction({ id: ou.id, parentId: target.id }), t("moved")))
            }
          />
        </DialogContent>
      </Dialog>

      <AlertDialog open={mode === "delete"} onOpenChange={(o) => !o && setMode(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("deleteTitle", { name: ou.name })}</AlertDialogTitle>
            <AlertDialogDescription>
              {ou.childCount > 0
                ? t("deleteHasChildren")
                : ou.memberCount > 0
                  ? ou.parentId
                    ? t("deleteMovesMembers", { count: ou.memberCount })
                    : t("deleteRootWithMembers")
                  : t("deleteEmpty")}
            </AlertDialogDescription>
          </AlertDialogHeader>
          {error && (
            <p role="alert" className="text-destructive text-sm">
              {error}
            </p>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel>{tc("cancel")}</AlertDialogCancel>
            {ou.childCount === 0 && (ou.memberCount === 0 || ou.parentId) && (
              <AlertDialogAction
                variant="destructive"
                disabled={isPending}
                onClick={(e) => {
                  e.preventDefault();
                  run(async () =>
                    finish(
                      await deleteOuAction({ id: ou.id, moveMembersToParent: ou.memberCount > 0 }),
                      t("deleted"),
                      ou.parentId ? `/directory/organizations?ou=${ou.parentId}` : "/directory/organizations",
                    ),
                  );
                }}
              >
                {t("deleteConfirm")}
              </AlertDialogAction>
            )}
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
