import { cn } from "@/lib/utils";

/** Label / value rows (a <dl>), two columns from the sm breakpoint. */
export function DescriptionList({
  rows,
  className,
  ...props
}: { rows: [string, React.ReactNode][] } & React.ComponentProps<"dl">) {
  return (
    <dl className={cn("grid gap-3 sm:grid-cols-[12rem_1fr]", className)} {...props}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground text-sm">{label}</dt>
          <dd className="text-sm">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
