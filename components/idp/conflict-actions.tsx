"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { decideConflictAction } from "@/app/actions/idp/decide-conflict";
import { useWords } from "@/components/messages/use-words";
import { Button } from "@/components/ui/button";
import { ProvisionDialog } from "./provision-panel";
import type { Reason } from "@/lib/sync/reasons";
import { CONFLICT_REASONS } from "@/lib/sync/review";

/** Reasons of a clash with an existing DingTalk user: the conflict queue offers Link, Skip and Edit for them. */
export function isConflictReason(reason: Reason | null): boolean {
  return !!reason && CONFLICT_REASONS.includes(reason.code);
}

/** The DingTalk user a conflict names, when it names one that can be linked. */
function linkTarget(reason: Reason): { userid: string; name: string | null } | null {
  if (reason.code === "clash_with_user" || reason.code === "userid_taken")
    return { userid: reason.params.userid, name: reason.params.name };
  return null;
}

/** The conflict queue's decisions for one account: link it to the DingTalk user that holds the value, skip it, edit it. */
export function ConflictActions({
  idpId,
  localId,
  displayName,
  reason,
  linkedTo,
}: {
  idpId: string;
  localId: string;
  displayName: string;
  reason: Reason;
  /** A link already decided, waiting for a run. */
  linkedTo: string | null;
}) {
  const t = useTranslations("identityProviders");
  const router = useRouter();
  const { text } = useWords();
  const [busy, setBusy] = useState(false);
  const target = linkTarget(reason);
  const decide = async (answer: { decision: "link"; remoteId: string } | { decision: "skip" | "clear" }) => {
    setBusy(true);
    const result = await decideConflictAction({ idpId, localId, ...answer });
    setBusy(false);
    if (!result.ok) return void toast.error(text(result.error));
    const runId = result.data.runId;
    if (answer.decision === "clear") toast.success(t("conflictLinkUndone", { name: displayName }));
    else if (answer.decision === "skip") toast.success(t("conflictSkipped", { name: displayName }));
    else if (runId)
      toast.success(t("conflictLinkedNow", { name: displayName }), {
        action: { label: t("conflictOpenRun"), onClick: () => router.push(`/sync-runs/${runId}`) },
      });
    else toast.success(t("conflictLinkedLater", { name: displayName }));
    router.refresh();
  };
  const named = <span className="sr-only">: {displayName}</span>;
  if (linkedTo)
    return (
      <div className="flex flex-col items-start gap-1">
        <span className="text-sm">{t("conflictLinkedTo", { userid: linkedTo })}</span>
        <Button size="sm" variant="outline" disabled={busy} onClick={() => void decide({ decision: "clear" })}>
          {t("conflictUndoLink")}
          {named}
        </Button>
        <ProvisionDialog idpId={idpId} accountId={localId} accountName={displayName} />
      </div>
    );
  return (
    <div className="flex flex-col items-start gap-1">
      {target && (
        <Button size="sm" disabled={busy} onClick={() => void decide({ decision: "link", remoteId: target.userid })}>
          {t("conflictLink", { name: target.name ?? target.userid })}
        </Button>
      )}
      <Button size="sm" variant="outline" disabled={busy} onClick={() => void decide({ decision: "skip" })}>
        {t("conflictSkip")}
        {named}
      </Button>
      <Link href={`/directory/accounts/${localId}`} className="text-primary text-sm hover:underline">
        {t("conflictEdit")}
        {named}
      </Link>
      <ProvisionDialog idpId={idpId} accountId={localId} accountName={displayName} />
    </div>
  );
}
