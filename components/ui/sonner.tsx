"use client";

import * as React from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { CircleCheckIcon, InfoIcon, Loader2Icon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";

type ResolvedTheme = "light" | "dark";

/** Follows a `.dark` class on `<html>` (the shadcn convention) without next-themes. */
function subscribeToRootClass(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

function getRootTheme(): ResolvedTheme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

function getServerTheme(): ResolvedTheme {
  return "light";
}

function useRootTheme(): ResolvedTheme {
  return React.useSyncExternalStore(subscribeToRootClass, getRootTheme, getServerTheme);
}

/**
 * App-wide toast outlet. Colors come from the popover/border theme tokens; the
 * light/dark mode follows the `.dark` class on `<html>` unless `theme` is passed.
 */
function Toaster({ theme, style, icons, ...props }: ToasterProps) {
  const rootTheme = useRootTheme();

  return (
    <Sonner
      theme={theme ?? rootTheme}
      className="toaster group"
      icons={{
        success: <CircleCheckIcon className="size-4" aria-hidden="true" />,
        info: <InfoIcon className="size-4" aria-hidden="true" />,
        warning: <TriangleAlertIcon className="size-4" aria-hidden="true" />,
        error: <OctagonXIcon className="size-4" aria-hidden="true" />,
        loading: <Loader2Icon className="size-4 animate-spin" aria-hidden="true" />,
        ...icons,
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          ...style,
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster };
