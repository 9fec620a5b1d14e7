"use client";

import { createContext, useContext, useId } from "react";
import { cn } from "@/lib/utils";

type GroupContext = { name: string; value?: string; onValueChange?: (value: string) => void; disabled?: boolean };
const RadioGroupContext = createContext<GroupContext | null>(null);

type RadioGroupProps = Omit<React.ComponentProps<"div">, "onChange"> & {
  value?: string;
  onValueChange?: (value: string) => void;
  name?: string;
  disabled?: boolean;
};

/** Native radio buttons in a radiogroup: arrow keys move between them as browsers do. */
function RadioGroup({ className, value, onValueChange, name, disabled, ...props }: RadioGroupProps) {
  const fallbackName = useId();
  return (
    <RadioGroupContext.Provider value={{ name: name ?? fallbackName, value, onValueChange, disabled }}>
      <div role="radiogroup" data-slot="radio-group" className={cn("grid gap-3", className)} {...props} />
    </RadioGroupContext.Provider>
  );
}

function RadioGroupItem({
  className,
  value,
  disabled,
  ...props
}: Omit<React.ComponentProps<"input">, "type" | "value"> & { value: string }) {
  const group = useContext(RadioGroupContext);
  return (
    <input
      type="radio"
      data-slot="radio-group-item"
      name={group?.name}
      value={value}
      checked={group?.value === undefined ? undefined : group.value === value}
      disabled={disabled ?? group?.disabled}
      onChange={(e) => e.target.checked && group?.onValueChange?.(value)}
      className={cn(
        "border-input text-primary checked:border-primary aspect-square size-4 shrink-0 cursor-pointer appearance-none rounded-full border shadow-xs transition-[color,box-shadow] outline-none disabled:cursor-not-allowed disabled:opacity-50",
        "checked:bg-[radial-gradient(circle,var(--color-primary)_40%,transparent_45%)]",
        "focus-visible:border-ring focus-visible:ring-ring/50 focus-visible:ring-[3px]",
        className,
      )}
      {...props}
    />
  );
}

export { RadioGroup, RadioGroupItem };
