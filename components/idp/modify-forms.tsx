"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { rotateSecretAction } from "@/app/actions/idp/rotate-secret";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { AlertSettingsView } from "@/lib/alerts/kinds";
import type { TApplicationInput } from "@/lib/schemas/idp";
import { useWords } from "@/components/messages/use-words";
import type { ReconcileSettingsView } from "@/lib/views/reconcile";
import { AlertsForm } from "./alerts-form";
import { ReconcileForm } from "./reconcile-form";
import { ApplicationForm } from "./wizard/application-form";
import type { DeveloperInfo } from "./wizard/developer-info";
import { ScenarioForm, type ScenarioDefaults } from "./wizard/scenario-form";

type Props = {
  id: string;
  application: TApplicationInput;
  developerInfo: DeveloperInfo;
  scenario: ScenarioDefaults;
  hasFullSync: boolean;
  alerts: AlertSettingsView;
  reconcile: ReconcileSettingsView;
};

/** Modify: basic settings, scenario, rotate AppSecret. */
export function ModifyForms({ id, application, developerInfo, scenario, hasFullSync, alerts, reconcile }: Props) {
  const t = useTranslations("modify");
  const router = useRouter();
  const saved = () => {
    toast.success(t("saved"));
    router.refresh();
  };
  return (
    <Tabs defaultValue="basic" className="space-y-6">
      <TabsList>
        <TabsTrigger value="basic">{t("basic")}</TabsTrigger>
        <TabsTrigger value="scenario">{t("scenario")}</TabsTrigger>
        <TabsTrigger value="secret">{t("rotateSecret")}</TabsTrigger>
        <TabsTrigger value="alerts">{t("alerts")}</TabsTrigger>
        <TabsTrigger value="reconcile">{t("reconcile")}</TabsTrigger>
      </TabsList>
      <TabsContent value="basic">
        <ApplicationForm
          defaults={application}
          hasSecret
          developerInfo={developerInfo}
          sandboxUrl={null}
          submitLabel={t("save")}
          onSaved={saved}
        />
      </TabsContent>
      <TabsContent value="scenario">
        <ScenarioForm id={id} defaults={scenario} hasFullSync={hasFullSync} submitLabel={t("save")} onSaved={saved} />
      </TabsContent>
      <TabsContent value="secret">
        <RotateSecretForm id={id} onSaved={saved} />
      </TabsContent>
      <TabsContent value="alerts">
        <AlertsForm view={alerts} onSaved={saved} />
      </TabsContent>
      <TabsContent value="reconcile">
        <ReconcileForm view={reconcile} onSaved={saved} />
      </TabsContent>
    </Tabs>
  );
}

function RotateSecretForm({ id, onSaved }: { id: string; onSaved: () => void }) {
  const t = useTranslations("modify");
  const messages = useWords();
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setSaving] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const result = await rotateSecretAction({ id, appSecret: secret });
    setSaving(false);
    if (!result.ok) return setError(messages.text(result.error));
    setError(undefined);
    setSecret("");
    onSaved();
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="max-w-md space-y-4" aria-label={t("rotateSecret")}>
      <p className="text-muted-foreground text-sm">{t("rotateHint")}</p>
      <FormField id="newSecret" label={t("newSecret")} error={error}>
        <Input
          {...fieldAria("newSecret", error)}
          type="password"
          autoComplete="new-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          required
        />
      </FormField>
      <Button type="submit" disabled={isSaving || !secret}>
        {t("rotate")}
      </Button>
    </form>
  );
}
