"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/utils";

type Props = {
  /** The trigger's content and props (it is a native button with aria-expanded). */
  trigger: React.ReactNode;
  triggerProps?: Omit<React.ComponentProps<"button">, "onClick" | "children">;
  align?: "start" | "end";
  className?: string;
  /** The panel's content; `close` for links and buttons that finish the interaction. */
  children: (close: () => void) => React.ReactNode;
};

/**
 * The disclosure pattern (a button that shows a panel of links and buttons), used for the
 * shell's user and navigation menus: native elements and Tab order, Escape and an outside
 * click close it. Small on purpose: every console page loads it.
 */
export function DisclosureMenu({ trigger, triggerProps, align = "start", className, children }: Props) {
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [isOpen]);

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={isOpen}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        {...triggerProps}
      >
        {trigger}
      </button>
      <div
        id={id}
        hidden={!isOpen}
        className={cn(
          "bg-popover text-popover-foreground absolute top-full z-50 mt-1 min-w-48 rounded-md border p-1 shadow-md",
          align === "end" ? "right-0" : "left-0",
          className,
        )}
      >
        {isOpen && children(() => setOpen(false))}
      </div>
    </div>
  );
}

/** A row of a DisclosureMenu: the look of a menu item on a link or a button. */
export const disclosureItemClass =
  "hover:bg-accent hover:text-accent-foreground focus-visible:bg-accent flex w-full items-center gap-2 rounded-sm px-2 py-1.5 text-left text-sm outline-none [&_svg]:size-4 aria-[current=page]:font-medium";
