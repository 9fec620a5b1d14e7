import type { LucideIcon } from "lucide-react";

export function EmptyState({
  icon: Icon,
  title,
  body,
  action,
}: {
  icon: LucideIcon;
  title: string;
  body?: string;
  action?: React.ReactNode;
}) {
  return (
    <section
      className="flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed px-6 py-16 text-center"
      aria-label={title}
    >
      <Icon aria-hidden className="text-muted-foreground size-10" />
      <h2 className="text-lg font-medium">{title}</h2>
      {body && <p className="text-muted-foreground max-w-md text-sm">{body}</p>}
      {action}
    </section>
  );
}
