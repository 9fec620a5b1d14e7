"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { functionCatalog, type ExpressionLocale } from "@/lib/expression";
import { highlight, wordBefore, type TokenClass } from "@/lib/mapping/highlight";
import { cn } from "@/lib/utils";

const colours: Record<TokenClass, string> = {
  string: "text-emerald-700 dark:text-emerald-400",
  number: "text-sky-700 dark:text-sky-400",
  function: "text-violet-700 dark:text-violet-400 font-semibold",
  path: "text-blue-700 dark:text-blue-400",
  literal: "text-amber-700 dark:text-amber-400",
  operator: "text-rose-700 dark:text-rose-400",
  punct: "text-muted-foreground",
  space: "",
  other: "text-foreground",
};

type Suggestion = { label: string; insert: string; detail: string };

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Field paths offered by completion, e.g. idpUser.email. */
  fieldPaths: string[];
  error?: { start: number; end: number; message: string };
};

/** A textarea over a mirrored, highlighted copy: syntax colours, the error underlined, completion of functions and fields. */
export function ExpressionInput({ id, label, value, onChange, fieldPaths, error }: Props) {
  const t = useTranslations("mapping");
  const locale = useLocale() as ExpressionLocale;
  const listId = useId();
  const mirror = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState(0);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const pieces = useMemo(() => highlight(value, error), [value, error]);
  const { start, word } = wordBefore(value, caret);
  const suggestions = useMemo<Suggestion[]>(() => {
    if (!word) return [];
    const lower = word.toLowerCase();
    const fns = word.includes(".")
      ? []
      : functionCatalog
          .filter((f) => f.name.toLowerCase().startsWith(lower))
          .map((f) => ({
            label: f.signature,
            insert: `${f.name}(`,
            detail: f.description[locale] ?? f.description.en,
          }));
    const fields = fieldPaths
      .filter((p) => p.toLowerCase().startsWith(lower) && p !== word)
      .map((p) => ({ label: p, insert: p, detail: t("fieldSuggestion") }));
    return [...fns, ...fields].slice(0, 8);
  }, [word, fieldPaths, locale, t]);
  const isShown = isOpen && suggestions.length > 0;

  const accept = (s: Suggestion) => {
    const next = value.slice(0, start) + s.insert + value.slice(caret);
    onChange(next);
    const at = start + s.insert.length;
    setOpen(false);
    requestAnimationFrame(() => {
      // Looked up by id, not through the ref: accept() is also wired to the suggestion list's handlers.
      (document.getElementById(id) as HTMLTextAreaElement | null)?.setSelectionRange(at, at);
      setCaret(at);
    });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isShown) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((a) => (a + 1) % suggestions.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((a) => (a - 1 + suggestions.length) % suggestions.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      accept(suggestions[Math.min(active, suggestions.length - 1)]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
    }
  };

  const errorId = `${id}-error`;
  const box = "min-h-16 w-full rounded-md border px-3 py-2 font-mono text-sm leading-6 whitespace-pre-wrap break-all";
  return (
    <div>
      {/* The mirror covers the textarea only: positioned, it would paint over the error below it. */}
      <div className="relative">
        <div
          ref={mirror}
          aria-hidden
          data-testid="expression-mirror"
          className={cn(box, "bg-background pointer-events-none absolute inset-0 overflow-hidden border-transparent")}
        >
          {pieces.map((p, i) => (
            <span
              key={i}
              className={cn(
                colours[p.cls],
                p.isError && "decoration-destructive underline decoration-wavy underline-offset-4",
              )}
              data-error={p.isError || undefined}
            >
              {p.text}
            </span>
          ))}
          {"\n"}
        </div>
        <textarea
          id={id}
          aria-label={label}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={isShown}
          aria-controls={listId}
          aria-activedescendant={isShown ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          spellCheck={false}
          autoComplete="off"
          rows={Math.min(6, Math.max(2, value.split("\n").length))}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart);
            setOpen(true);
            setActive(0);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onScroll={(e) => {
            if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          className={cn(
            box,
            "caret-foreground relative block resize-y bg-transparent text-transparent outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            error && "border-destructive",
          )}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t("suggestions")}
          hidden={!isShown}
          className="bg-popover absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border shadow-md"
        >
          {isShown &&
            suggestions.map((s, i) => (
              <li
                key={s.label}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={cn("cursor-pointer px-3 py-1.5 text-sm", i === active && "bg-accent")}
                onMouseDown={(e) => {
                  e.preventDefault();
                  accept(s);
                }}
              >
                <code className="font-mono">{s.label}</code>
                <span className="text-muted-foreground block truncate text-xs">{s.detail}</span>
              </li>
            ))}
        </ul>
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-destructive mt-1 text-sm" data-testid="expression-error">
          {error.message}
        </p>
      )}
    </div>
  );
}
