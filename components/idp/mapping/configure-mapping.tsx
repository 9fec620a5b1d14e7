"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { TMappingRule } from "@/lib/schemas/mapping";
import { MappingEditor } from "./mapping-editor";

/** The Configure Field Mapping screen: the wizard's editor with a single Save. */
export function ConfigureMapping(props: { idpId: string; rules: TMappingRule[]; customFields: { id: string; displayName: string }[] }) {
  const t = useTranslations("mapping");
  const router = useRouter();
  return (
    <MappingEditor
      idpId={props.idpId}
      initialRules={props.rules}
      customFields={props.customFields}
      mode="update"
      onSaved={() => {
        toast.success(t("saved"));
        router.refresh();
      }}
    />
  );
}
