import * as React from "react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

/** An error as a plain message or a react-hook-form `FieldError`-like object. */
export type FormFieldError = string | { message?: string } | null | undefined;

function errorMessage(error: FormFieldError): string | undefined {
  if (!error) return undefined;
  if (typeof error === "string") return error;
  return error.message || undefined;
}

export interface FieldAria {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * Props to spread on the control rendered inside a `FormField` with the same `id`.
 * Pass `hasDescription` when the `FormField` has a `description` so it is announced too.
 */
export function fieldAria(id: string, error?: FormFieldError, hasDescription = false): FieldAria {
  const message = errorMessage(error);
  const describedBy = [hasDescription ? `${id}-description` : null, message ? `${id}-error` : null]
    .filter((value): value is string => value !== null)
    .join(" ");

  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  };
}

export interface FormFieldProps {
  /** id of the control; also the prefix of `${id}-description` and `${id}-error`. */
  id: string;
  label: React.ReactNode;
  error?: FormFieldError;
  description?: React.ReactNode;
  /** Shows a visual required marker (set `required`/`aria-required` on the control yourself). */
  required?: boolean;
  /**
   * Render a `<fieldset>`/`<legend>` instead of `<div>`/`<label>`; use for radio groups and
   * other composite controls that a `<label for>` cannot name.
   */
  asFieldset?: boolean;
  className?: string;
  children: React.ReactNode;
}

export function FormField({
  id,
  label,
  error,
  description,
  required = false,
  asFieldset = false,
  className,
  children,
}: FormFieldProps) {
  const message = errorMessage(error);
  const invalid = Boolean(error);
  const requiredMarker = required ? (
    <span aria-hidden="true" className="text-destructive">
      *
    </span>
  ) : null;
  const labelClassName = cn(invalid && "text-destructive");

  const body = (
    <>
      {description ? (
        <p id={`${id}-description`} data-slot="form-description" className="text-sm text-muted-foreground">
          {description}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} role="alert" data-slot="form-message" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
    </>
  );

  if (asFieldset) {
    return (
      <fieldset
        data-slot="form-field"
        data-invalid={invalid || undefined}
        className={cn("m-0 grid min-w-0 gap-2 border-0 p-0", className)}
      >
        <legend
          data-slot="form-label"
          className={cn("mb-2 flex items-center gap-1 p-0 text-sm leading-none font-medium", labelClassName)}
        >
          {label}
          {requiredMarker}
        </legend>
        {children}
        {body}
      </fieldset>
    );
  }

  return (
    <div data-slot="form-field" data-invalid={invalid || undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={id} data-slot="form-label" className={cn("gap-1", labelClassName)}>
        {label}
        {requiredMarker}
      </Label>
      {children}
      {body}
    </div>
  );
}
