"use client";

import { cn } from "@/lib/utils";

type SwitchProps = Omit<React.ComponentProps<"input">, "type" | "onChange" | "checked"> & {
  checked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
};

/** A switch on a native checkbox (role="switch"): Space toggles it, forms and labels just work. */
function Switch({ className, checked, onCheckedChange, ...props }: SwitchProps) {
  return (
    <input
      type="checkbox"
      role="switch"
      data-slot="switch"
      checked={checked}
      aria-checked={checked}
      onChange={(e) => onCheckedChange?.(e.target.checked)}
      className={cn(
        "peer bg-input checked:bg-primary relative inline-flex h-[1.15rem] w-8 shrink-0 cursor-pointer appearance-none items-center rounded-full border border-transparent shadow-xs transition-all outline-none disabled:cursor-not-allowed disabled:opacity-50",
        "before:bg-background before:pointer-events-none before:absolute before:left-px before:block before:size-4 before:rounded-full before:transition-transform checked:before:translate-x-[calc(100%-4px)]",
        "focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px]",
        className,
      )}
      {...props}
    />
  );
}

export { Switch };
