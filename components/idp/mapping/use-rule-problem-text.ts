"use client";

import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import type { RuleProblem } from "@/lib/mapping";
import { formatMessage, type Message, type Translate } from "@/lib/messages";
import { ruleProblemMessage } from "@/lib/messages/rule-problems";

/** A mapping rule's problem in words, through the one message registry (expression errors from their own tables). */
export function useRuleProblemText(): (problem: RuleProblem | Message) => string {
  const t = useTranslations() as unknown as Translate;
  const locale = useLocale() as Locale;
  return (problem) => formatMessage("index" in problem ? ruleProblemMessage(problem) : problem, { t, locale });
}
