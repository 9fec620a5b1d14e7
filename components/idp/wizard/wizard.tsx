"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { Stepper } from "@/components/ui/stepper";
import type { TApplicationInput } from "@/lib/schemas/idp";
import type { MappingRule } from "@/lib/mapping";
import { syncDestination } from "@/lib/views/plans";
import { ApplicationForm } from "./application-form";
import type { DeveloperInfo } from "./developer-info";
import type { ScenarioDefaults } from "./scenario-form";

// Steps 2-4 load when reached (or server-rendered when a draft resumes there):
// the mapping editor and its expression engine stay out of step 1's first load.
const stepLoading = () => <Skeleton className="h-48 w-full max-w-3xl" />;
const PermissionsStep = dynamic(() => import("./permissions-step").then((m) => m.PermissionsStep), {
  loading: stepLoading,
});
const ScenarioForm = dynamic(() => import("./scenario-form").then((m) => m.ScenarioForm), { loading: stepLoading });
const MappingEditor = dynamic(() => import("../mapping/mapping-editor").then((m) => m.MappingEditor), {
  loading: stepLoading,
});

export type WizardProps = {
  id: string | null;
  /** 1-4: the step a draft resumes at. */
  step: number;
  application: TApplicationInput;
  hasSecret: boolean;
  developerInfo: DeveloperInfo;
  sandboxUrl: string | null;
  scenario: ScenarioDefaults;
  rules: MappingRule[];
  customFields: { id: string; displayName: string }[];
};

/** The four steps; each Next saves the draft on the server, so a reload resumes at the same step. */
export function BindWizard(props: WizardProps) {
  const t = useTranslations("wizard");
  const router = useRouter();
  const [step, setStep] = useState(Math.min(Math.max(props.step, 1), 4));
  const id = props.id;
  const steps = [
    { id: "application", title: t("steps.application") },
    { id: "permissions", title: t("steps.permissions") },
    { id: "scenario", title: t("steps.scenario") },
    { id: "mapping", title: t("steps.mapping") },
  ];
  const go = (next: number) => {
    setStep(next);
    router.refresh();
  };

  return (
    <div className="space-y-8">
      <Stepper
        steps={steps}
        current={step - 1}
        aria-label={t("progress")}
        labels={{ completed: t("stepDone"), current: t("stepCurrent"), upcoming: t("stepUpcoming") }}
        onStepClick={(index) => setStep(index + 1)}
      />
      <h2 className="text-xl font-semibold" data-testid="wizard-step" data-step={step}>
        {steps[step - 1].title}
      </h2>
      {step === 1 && (
        <ApplicationForm
          defaults={props.application}
          hasSecret={props.hasSecret}
          developerInfo={props.developerInfo}
          sandboxUrl={props.sandboxUrl}
          submitLabel={t("next")}
          onSaved={(savedId) => {
            if (!id) router.replace(`/identity-providers/new/dingtalk?id=${savedId}`);
            else go(2);
          }}
        />
      )}
      {step === 2 && id && <PermissionsStep id={id} onPrevious={() => setStep(1)} onPassed={() => go(3)} />}
      {step === 3 && id && (
        <ScenarioForm
          id={id}
          defaults={props.scenario}
          hasFullSync={false}
          submitLabel={t("next")}
          onPrevious={() => setStep(2)}
          onSaved={() => go(4)}
        />
      )}
      {step === 4 && id && (
        <MappingEditor
          idpId={id}
          initialRules={props.rules}
          customFields={props.customFields}
          mode="wizard"
          onPrevious={() => setStep(3)}
          onSaved={(saved) => router.push(syncDestination(id, saved))}
        />
      )}
    </div>
  );
}
