"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { deleteCustomFieldAction } from "@/app/actions/directory/delete-custom-field";
import { saveCustomFieldAction } from "@/app/actions/directory/save-custom-field";
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
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { fieldAria, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import {
  CUSTOM_FIELD_TYPES,
  ZCustomFieldSchema,
  type CustomFieldDefinition,
  type TCustomFieldInput,
} from "@/lib/schemas/custom-field";
import { useWords } from "@/components/messages/use-words";

const EMPTY: TCustomFieldInput = { id: "", displayName: "", type: "text", options: [], required: false };

export function CustomFieldEditor({ fields }: { fields: CustomFieldDefinition[] }) {
  const t = useTranslations();
  const router = useRouter();
  const messages = useWords();
  const [editing, setEditing] = useState<{ isNew: boolean; value: TCustomFieldInput } | null>(null);
  const [isPending, startTransition] = useTransition();

  const remove = (id: string) =>
    startTransition(async () => {
      if (messages.toastResult(await deleteCustomFieldAction({ id }), t("customFields.deleted"))) router.refresh();
    });

  return (
    <>
      <div className="mb-4 flex justify-end">
        <Button onClick={() => setEditing({ isNew: true, value: EMPTY })}>
          <Plus aria-hidden className="size-4" />
          {t("customFields.new")}
        </Button>
      </div>
      <div className="rounded-lg border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("customFields.id")}</TableHead>
              <TableHead>{t("customFields.displayName")}</TableHead>
              <TableHead>{t("customFields.type")}</TableHead>
              <TableHead>{t("customFields.required")}</TableHead>
              <TableHead>{t("customFields.expression")}</TableHead>
              <TableHead className="w-24">
                <span className="sr-only">{t("customFields.actions")}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fields.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} className="text-muted-foreground py-8 text-center">
                  {t("customFields.empty")}
                </TableCell>
              </TableRow>
            )}
            {fields.map((f) => (
              <TableRow key={f.id}>
                <TableCell className="font-mono text-xs">{f.id}</TableCell>
                <TableCell>{f.displayName}</TableCell>
                <TableCell>
                  <Badge variant="outline">{t(`customFields.types.${f.type}`)}</Badge>
                </TableCell>
                <TableCell>{f.required ? t("organizations.yes") : "—"}</TableCell>
                <TableCell>
                  <code className="text-xs">idpUser.customFields.{f.id}</code>
                </TableCell>
                <TableCell className="flex gap-1">
                  <Button
                    size="icon-sm"
                    variant="ghost"
                    aria-label={t("customFields.edit", { name: f.displayName })}
                    onClick={() => setEditing({ isNew: false, value: f })}
                  >
                    <Pencil aria-hidden className="size-4" />
                  </Button>
                  <AlertDialog>
                    <AlertDialogTrigger asChild>
                      <Button
                        size="icon-sm"
                        variant="ghost"
                        aria-label={t("customFields.delete", { name: f.displayName })}
                      >
                        <Trash2 aria-hidden className="size-4" />
                      </Button>
                    </AlertDialogTrigger>
                    <AlertDialogContent>
                      <AlertDialogHeader>
                        <AlertDialogTitle>{t("customFields.deleteTitle", { name: f.displayName })}</AlertDialogTitle>
                        <AlertDialogDescription>{t("customFields.deleteBody", { id: f.id })}</AlertDialogDescription>
                      </AlertDialogHeader>
                      <AlertDialogFooter>
                        <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
                        <AlertDialogAction variant="destructive" disabled={isPending} onClick={() => remove(f.id)}>
                          {t("customFields.deleteConfirm")}
                        </AlertDialogAction>
                      </AlertDialogFooter>
                    </AlertDialogContent>
                  </AlertDialog>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {editing && <CustomFieldDialog key={editing.value.id || "new"} {...editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function CustomFieldDialog({
  isNew,
  value,
  onClose,
}: {
  isNew: boolean;
  value: TCustomFieldInput;
  onClose: () => void;
}) {
  const t = useTranslations();
  const router = useRouter();
  const messages = useWords();
  const { control, handleSubmit, setError, formState } = useForm<TCustomFieldInput>({
    resolver: zodResolver(ZCustomFieldSchema),
    defaultValues: value,
  });
  const type = useWatch({ control, name: "type" });
  const onSubmit = handleSubmit(async (field) => {
    const result = await saveCustomFieldAction({ isNew, field });
    if (result.ok) {
      messages.toastResult(result, t("customFields.saved"));
      onClose();
      router.refresh();
      return;
    }
    for (const [path, keys] of Object.entries(result.error.fieldErrors ?? {})) {
      setError(path.replace(/^field\./, "") as FieldPath<TCustomFieldInput>, { message: messages.fieldText(keys[0]) });
    }
  });
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <DialogHeader>
            <DialogTitle>
              {isNew ? t("customFields.new") : t("customFields.edit", { name: value.displayName })}
            </DialogTitle>
            <DialogDescription>{t("customFields.help")}</DialogDescription>
          </DialogHeader>
          <Controller
            control={control}
            name="id"
            render={({ field, fieldState }) => (
              <FormField id="cf-id" label={t("customFields.id")} error={messages.fieldText(fieldState.error?.message)}>
                <Input
                  {...field}
                  {...fieldAria("cf-id", fieldState.error)}
                  disabled={!isNew}
                  className="font-mono"
                  autoFocus={isNew}
                />
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="displayName"
            render={({ field, fieldState }) => (
              <FormField
                id="cf-name"
                label={t("customFields.displayName")}
                error={messages.fieldText(fieldState.error?.message)}
              >
                <Input {...field} {...fieldAria("cf-name", fieldState.error)} />
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="type"
            render={({ field }) => (
              <FormField id="cf-type" label={t("customFields.type")}>
                <Select value={field.value} onValueChange={field.onChange}>
                  <SelectTrigger id="cf-type" className="w-full">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {CUSTOM_FIELD_TYPES.map((ty) => (
                      <SelectItem key={ty} value={ty}>
                        {t(`customFields.types.${ty}`)}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </FormField>
            )}
          />
          {type === "enum" && (
            <Controller
              control={control}
              name="options"
              render={({ field, fieldState }) => (
                <FormField
                  id="cf-options"
                  label={t("customFields.options")}
                  description={t("customFields.optionsHelp")}
                  error={messages.fieldText(fieldState.error?.message)}
                >
                  <Input
                    id="cf-options"
                    value={(field.value ?? []).join(", ")}
                    onChange={(e) =>
                      field.onChange(
                        e.target.value
                          .split(",")
                          .map((s) => s.trim())
                          .filter(Boolean),
                      )
                    }
                    aria-invalid={!!fieldState.error}
                  />
                </FormField>
              )}
            />
          )}
          <Controller
            control={control}
            name="required"
            render={({ field }) => (
              <label className="flex items-center gap-2 text-sm">
                <Checkbox checked={!!field.value} onCheckedChange={(v) => field.onChange(v === true)} />
                {t("customFields.required")}
              </label>
            )}
          />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={formState.isSubmitting}>
              {t("common.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
