"use client";

import * as React from "react";
import { CheckIcon } from "lucide-react";

import { cn } from "@/lib/utils";

export interface StepperStep {
  id: string;
  title: string;
  description?: string;
}

export type StepperStepState = "completed" | "current" | "upcoming";

export interface StepperLabels {
  /** Screen-reader text appended to completed steps. */
  completed: string;
  /** Screen-reader text appended to the current step. */
  current: string;
  /** Screen-reader text appended to upcoming steps. */
  upcoming: string;
}

const defaultLabels: StepperLabels = {
  completed: "Completed",
  current: "Current",
  upcoming: "Upcoming",
};

export interface StepperProps extends Omit<React.ComponentProps<"ol">, "children" | "onClick"> {
  steps: readonly StepperStep[];
  /** 0-based index of the current step. `steps.length` means every step is completed. */
  current: number;
  /** Called when the user activates a completed step (only completed steps are interactive). */
  onStepClick?: (index: number) => void;
  /** Translated screen-reader state labels; English defaults. */
  labels?: Partial<StepperLabels>;
  /** Accessible name of the list, e.g. "Setup progress". */
  "aria-label"?: string;
}

function stepState(index: number, current: number): StepperStepState {
  if (index < current) return "completed";
  if (index === current) return "current";
  return "upcoming";
}

function Stepper({
  steps,
  current,
  onStepClick,
  labels,
  className,
  "aria-label": ariaLabel = "Progress",
  ...props
}: StepperProps) {
  const text: StepperLabels = { ...defaultLabels, ...labels };

  return (
    <ol
      data-slot="stepper"
      aria-label={ariaLabel}
      className={cn("flex w-full items-center gap-2", className)}
      {...props}
    >
      {steps.map((step, index) => {
        const state = stepState(index, current);
        const isLast = index === steps.length - 1;
        const interactive = state === "completed" && onStepClick !== undefined;

        const body = (
          <>
            <span
              aria-hidden="true"
              data-slot="stepper-indicator"
              className={cn(
                "flex size-8 shrink-0 items-center justify-center rounded-full border-2 text-sm font-medium tabular-nums transition-colors",
                state === "completed" && "border-primary bg-primary text-primary-foreground",
                state === "current" && "border-primary bg-background text-primary ring-4 ring-primary/15",
                state === "upcoming" && "border-border bg-background text-muted-foreground",
              )}
            >
              {state === "completed" ? <CheckIcon className="size-4" strokeWidth={3} /> : index + 1}
            </span>
            <span
              className={cn(
                "flex min-w-0 flex-col text-left",
                // On narrow screens only the current step's text is visible; the rest stays available to screen readers.
                state !== "current" && "max-sm:sr-only",
              )}
            >
              <span
                data-slot="stepper-title"
                className={cn(
                  "text-sm leading-tight font-medium",
                  state === "upcoming" ? "text-muted-foreground" : "text-foreground",
                )}
              >
                {step.title}
                <span className="sr-only">, {text[state]}</span>
              </span>
              {step.description ? (
                <span data-slot="stepper-description" className="text-xs leading-snug text-muted-foreground">
                  {step.description}
                </span>
              ) : null}
            </span>
          </>
        );

        return (
          <li
            key={step.id}
            data-slot="stepper-item"
            data-state={state}
            aria-current={state === "current" ? "step" : undefined}
            className={cn("flex min-w-0 items-center gap-2", !isLast && "flex-1")}
          >
            {interactive ? (
              <button
                type="button"
                onClick={() => onStepClick(index)}
                className="-m-1 flex min-w-0 items-center gap-3 rounded-md p-1 outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50"
              >
                {body}
              </button>
            ) : (
              <div className="flex min-w-0 items-center gap-3">{body}</div>
            )}
            {!isLast ? (
              <span
                aria-hidden="true"
                data-slot="stepper-connector"
                className={cn(
                  "h-0.5 min-w-4 flex-1 rounded-full transition-colors",
                  index < current ? "bg-primary" : "bg-border",
                )}
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export { Stepper };
