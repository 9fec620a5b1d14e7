"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteIdpAction } from "@/app/actions/idp/delete-idp";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useWords } from "@/components/messages/use-words";

/** Delete with a confirmation that says what happens to bindings and to DingTalk's data. */
export function DeleteIdpButton({
  id,
  name,
  bindings,
  size = "default",
}: {
  id: string;
  name: string;
  bindings: number;
  size?: "default" | "sm";
}) {
  const t = useTranslations("identityProviders");
  const router = useRouter();
  const messages = useWords();
  const remove = async () => {
    const result = await deleteIdpAction({ id });
    if (!result.ok) return void toast.error(messages.text(result.error));
    toast.success(t("deleted"));
    router.push("/identity-providers");
    router.refresh();
  };
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size={size} aria-label={t("deleteNamed", { name })}>
          {t("delete")}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{t("deleteTitle", { name })}</AlertDialogTitle>
          <AlertDialogDescription>{t("deleteBody", { bindings })}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction variant="destructive" onClick={() => void remove()}>
            {t("deleteConfirm")}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
