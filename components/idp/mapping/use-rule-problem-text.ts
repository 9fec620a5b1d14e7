"use client";

import { useWords } from "@/components/messages/use-words";
import type { RuleProblem } from "@/lib/mapping";
import type { Message } from "@/lib/messages";
import { ruleProblemMessage } from "@/lib/messages/rule-problems";

/** A mapping rule's problem in words: the browser's check (a RuleProblem) or the server's (a Message), via useWords. */
export function useRuleProblemText(): (problem: RuleProblem | Message) => string {
  const { text } = useWords();
  return (problem) => text("index" in problem ? ruleProblemMessage(problem) : problem);
}
