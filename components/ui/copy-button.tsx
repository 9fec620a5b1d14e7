"use client";

import * as React from "react";
import { CheckIcon, CopyIcon } from "lucide-react";

import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";

const COPIED_RESET_MS = 2000;

/** Copy text, falling back to a hidden textarea when the async Clipboard API is unavailable (e.g. plain-HTTP self-hosting). */
async function writeToClipboard(value: string): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(value);
    return;
  }

  const textarea = document.createElement("textarea");
  textarea.value = value;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.top = "0";
  textarea.style.left = "0";
  textarea.style.opacity = "0";
  const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.appendChild(textarea);
  textarea.select();
  try {
    const ok = document.execCommand("copy");
    if (!ok) throw new Error("Copy command was rejected");
  } finally {
    document.body.removeChild(textarea);
    previouslyFocused?.focus();
  }
}

type CopyButtonProps = Omit<React.ComponentProps<typeof Button>, "value" | "children" | "onClick" | "asChild"> & {
  /** Text written to the clipboard. */
  value: string;
  /** Accessible name of the button, e.g. "Copy webhook URL". */
  label: string;
  /** Politely announced to screen readers after a successful copy. Defaults to "Copied". */
  copiedLabel?: string;
  /** Called after a successful copy (e.g. to show a toast). */
  onCopied?: (value: string) => void;
  /** Called when copying fails. */
  onCopyError?: (error: unknown) => void;
};

function CopyButton({
  value,
  label,
  copiedLabel = "Copied",
  onCopied,
  onCopyError,
  className,
  variant = "ghost",
  size = "icon-sm",
  type = "button",
  ...props
}: CopyButtonProps) {
  // 0 = idle; incremented on every successful copy so repeated clicks restart the 2s timer.
  const [copyCount, setCopyCount] = React.useState(0);
  const copied = copyCount > 0;

  React.useEffect(() => {
    if (copyCount === 0) return;
    const timer = window.setTimeout(() => setCopyCount(0), COPIED_RESET_MS);
    return () => window.clearTimeout(timer);
  }, [copyCount]);

  async function handleClick() {
    try {
      await writeToClipboard(value);
      setCopyCount((count) => count + 1);
      onCopied?.(value);
    } catch (error) {
      setCopyCount(0);
      onCopyError?.(error);
    }
  }

  return (
    <>
      <Button
        type={type}
        variant={variant}
        size={size}
        aria-label={label}
        title={label}
        data-slot="copy-button"
        data-copied={copied || undefined}
        className={cn("text-muted-foreground hover:text-foreground", className)}
        onClick={() => void handleClick()}
        {...props}
      >
        {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
      </Button>
      <span role="status" aria-live="polite" className="sr-only">
        {copied ? copiedLabel : ""}
      </span>
    </>
  );
}

export { CopyButton, type CopyButtonProps };
