"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { setIdpStatusAction } from "@/app/actions/idp/set-idp-status";
import { startSyncAction } from "@/app/actions/idp/start-sync";
import { Button, buttonVariants } from "@/components/ui/button";
import { syncDestination } from "@/lib/views/plans";
import { DeleteIdpButton } from "./delete-idp-button";
import { useWords } from "@/components/messages/use-words";

type Props = { id: string; name: string; status: string; bindings: number };

/** The overview's actions: Sync now, Preview changes, Modify, Configure Field Mapping, Enable/Disable, Delete. */
export function IdpActions({ id, name, status, bindings }: Props) {
  const t = useTranslations("identityProviders");
  const router = useRouter();
  const messages = useWords();
  const [busy, setBusy] = useState<string | null>(null);
  const isEnabled = status === "enabled" || status === "needs_attention";

  const start = async (mode: "full" | "dry_run") => {
    setBusy(mode);
    const result = await startSyncAction({ id, mode });
    setBusy(null);
    if (!result.ok) return void toast.error(messages.text(result.error));
    router.push(syncDestination(id, result.data));
  };
  const toggle = async () => {
    setBusy("status");
    const result = await setIdpStatusAction({ id, enabled: !isEnabled });
    setBusy(null);
    if (!result.ok) return void toast.error(messages.text(result.error));
    router.refresh();
  };

  return (
    <div className="flex flex-wrap gap-2">
      <Button onClick={() => void start("full")} disabled={busy !== null || !isEnabled}>
        {t("syncNow")}
      </Button>
      <Button variant="outline" onClick={() => void start("dry_run")} disabled={busy !== null}>
        {t("previewChanges")}
      </Button>
      <Link href={`/identity-providers/${id}/modify`} className={buttonVariants({ variant: "outline" })}>
        {t("modify")}
      </Link>
      <Link href={`/identity-providers/${id}/field-mapping`} className={buttonVariants({ variant: "outline" })}>
        {t("configureMapping")}
      </Link>
      <Link href={`/identity-providers/${id}/sync-runs`} className={buttonVariants({ variant: "outline" })}>
        {t("viewRuns")}
      </Link>
      <Button variant="outline" onClick={() => void toggle()} disabled={busy !== null}>
        {isEnabled ? t("disable") : t("enable")}
      </Button>
      <DeleteIdpButton id={id} name={name} bindings={bindings} />
    </div>
  );
}
