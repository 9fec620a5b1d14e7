"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { MappingRule } from "@/lib/mapping";
import type { MatchFallback } from "@/lib/sync/matching";
import { syncDestination } from "@/lib/views/plans";
import { MappingEditor } from "./mapping-editor";

/** The Configure Field Mapping screen: the wizard's editor with Save, and Save and sync while the IdP is enabled. */
export function ConfigureMapping(props: {
  idpId: string;
  rules: MappingRule[];
  matchFallbacks: MatchFallback[];
  scopeFilter: string;
  customFields: { id: string; displayName: string }[];
  canSync: boolean;
}) {
  const t = useTranslations("mapping");
  const router = useRouter();
  return (
    <MappingEditor
      idpId={props.idpId}
      initialRules={props.rules}
      initialMatchFallbacks={props.matchFallbacks}
      initialScopeFilter={props.scopeFilter}
      customFields={props.customFields}
      mode="update"
      canSync={props.canSync}
      onSaved={(saved) => {
        toast.success(t("saved"));
        if (saved.runId || saved.planId) router.push(syncDestination(props.idpId, saved));
        else router.refresh();
      }}
    />
  );
}
