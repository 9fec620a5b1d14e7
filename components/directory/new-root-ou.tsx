"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createOuAction } from "@/app/actions/directory/create-ou";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useWords } from "@/components/messages/use-words";

export function NewRootOu() {
  const t = useTranslations("organizations");
  const tc = useTranslations("common");
  const router = useRouter();
  const queryClient = useQueryClient();
  const messages = useWords();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setError(undefined), setName(""))}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Plus aria-hidden className="size-4" />
          {t("newRoot")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const result = await createOuAction({ name, parentId: null });
              if (!result.ok)
                return setError(messages.fieldText(result.error.fieldErrors?.name?.[0]) ?? messages.text(result.error));
              setOpen(false);
              messages.toastResult(result, t("created"));
              void queryClient.invalidateQueries({ queryKey: ["ou-children"] });
              router.push(`/directory/organizations?ou=${result.data.id}`);
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>{t("newRoot")}</DialogTitle>
            <DialogDescription>{t("nameRules")}</DialogDescription>
          </DialogHeader>
          <FormField id="root-ou-name" label={t("name")} error={error}>
            <Input
              id="root-ou-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              aria-invalid={!!error}
              aria-describedby={error ? "root-ou-name-error" : undefined}
            />
          </FormField>
          <DialogFooter>
            <Button type="submit" disabled={isPending}>
              {tc("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
