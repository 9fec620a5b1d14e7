import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

const idpVariant: Record<string, "secondary" | "success" | "outline" | "warning"> = {
  draft: "secondary",
  enabled: "success",
  disabled: "outline",
  needs_attention: "warning",
};
const runVariant: Record<string, "secondary" | "success" | "outline" | "warning" | "destructive"> = {
  queued: "secondary",
  running: "secondary",
  succeeded: "success",
  partially_succeeded: "warning",
  failed: "destructive",
  cancelled: "outline",
  held: "warning",
};

export function IdpStatusBadge({ status }: { status: string }) {
  const t = useTranslations("idpStatus");
  return <Badge variant={idpVariant[status] ?? "outline"}>{t.has(status) ? t(status) : status}</Badge>;
}

export function RunStatusBadge({ status }: { status: string }) {
  const t = useTranslations("runStatus");
  return (
    <Badge variant={runVariant[status] ?? "outline"} data-status={status}>
      {t.has(status) ? t(status) : status}
    </Badge>
  );
}
