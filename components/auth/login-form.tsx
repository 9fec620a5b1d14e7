"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useWords } from "@/components/messages/use-words";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { signInErrorMessage, ZSignInSchema, type TSignInSchema } from "@/lib/schemas/sign-in";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const router = useRouter();
  const words = useWords();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState } = useForm<TSignInSchema>({
    resolver: zodResolver(ZSignInSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // Checked again where the browser goes: only a path on this origin (issue 14).
      router.replace(safeRedirectPath(callbackUrl, { origin: window.location.origin }));
      router.refresh();
      return;
    }
    setFormError(words.text({ code: signInErrorMessage(result?.error) }));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={t("title")}>
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <Controller
        control={control}
        name="email"
        render={({ field, fieldState }) => (
          <FormField id="email" label={t("email")} error={words.fieldText(fieldState.error?.message)}>
            <Input
              {...field}
              {...fieldAria("email", fieldState.error)}
              type="email"
              autoComplete="username"
              autoFocus
            />
          </FormField>
        )}
      />
      <Controller
        control={control}
        name="password"
        render={({ field, fieldState }) => (
          <FormField id="password" label={t("password")} error={words.fieldText(fieldState.error?.message)}>
            <Input
              {...field}
              {...fieldAria("password", fieldState.error)}
              type="password"
              autoComplete="current-password"
            />
          </FormField>
        )}
      />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
