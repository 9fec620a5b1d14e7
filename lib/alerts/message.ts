// The words of an alert, built where it is sent (a group chat or a mailbox has no console locale):
// one language, or English and Chinese together when the IdP asks for "bilingual".
import type { AlertKind, AlertLanguage } from "./kinds";

type MessageLang = Exclude<AlertLanguage, "bilingual">;
export type AlertSubject = AlertKind | "test";

export type AlertMessageInput = {
  kind: AlertSubject;
  /** Events this message reports (coalesced inside the window). */
  count: number;
  idpName: string;
  /** The console page to open: the IdP's page, its runs or its review. */
  link: string;
  language: AlertLanguage;
};

export type AlertMessage = { title: string; markdown: string; text: string };

type Words = {
  heading: (kind: AlertSubject, count: number, idp: string) => string;
  detail: Record<AlertSubject, string>;
  open: string;
};

const EN: Words = {
  heading: (kind, n, idp) =>
    ({
      run_failed: n === 1 ? `A sync run of ${idp} failed` : `${n} sync runs of ${idp} failed`,
      deletes_held: n === 1 ? `Deletes are held for confirmation in ${idp}` : `Deletes were held ${n} times in ${idp}`,
      conflicts_waiting:
        n === 1 ? `A conflict waits in the queue of ${idp}` : `${n} conflicts wait in the queue of ${idp}`,
      drift_found: n === 1 ? `Drift was found in DingTalk for ${idp}` : `Drift was found ${n} times for ${idp}`,
      test: `Test message from the console for ${idp}`,
    })[kind],
  detail: {
    run_failed: "Nothing more is written until the cause is fixed. The run's page names the cause and the fix.",
    deletes_held:
      "More DingTalk users would be deleted than the threshold allows. Review and confirm, or fix the scope.",
    conflicts_waiting: "Accounts clash with DingTalk users nobody linked. Link or skip each one in the conflict queue.",
    drift_found: "DingTalk was changed outside the console. Review the drift list, then repair or keep it.",
    test: "Alerts for this identity provider will arrive here.",
  },
  open: "Open in the console",
};

const ZH: Words = {
  heading: (kind, n, idp) =>
    ({
      run_failed: n === 1 ? `${idp} 的一次同步失败` : `${idp} 有 ${n} 次同步失败`,
      deletes_held: n === 1 ? `${idp} 的删除操作等待确认` : `${idp} 的删除操作 ${n} 次等待确认`,
      conflicts_waiting: n === 1 ? `${idp} 的冲突队列中有 1 个冲突` : `${idp} 的冲突队列中有 ${n} 个冲突`,
      drift_found: n === 1 ? `发现 ${idp} 在钉钉中的偏差` : `${n} 次发现 ${idp} 在钉钉中的偏差`,
      test: `来自控制台的测试消息（${idp}）`,
    })[kind],
  detail: {
    run_failed: "原因修复前不会再写入。同步记录页面说明了原因和修复方法。",
    deletes_held: "将被删除的钉钉用户数超过阈值。请审核并确认，或修正同步范围。",
    conflicts_waiting: "有账户与未关联的钉钉用户冲突。请在冲突队列中逐个关联或跳过。",
    drift_found: "钉钉中的数据在控制台之外被修改。请查看偏差列表，然后修复或保留。",
    test: "此身份提供方的告警将发送到这里。",
  },
  open: "在控制台中打开",
};

const JA: Words = {
  heading: (kind, n, idp) =>
    ({
      run_failed: n === 1 ? `${idp} の同期が失敗しました` : `${idp} の同期が ${n} 回失敗しました`,
      deletes_held: n === 1 ? `${idp} の削除が確認待ちです` : `${idp} の削除が ${n} 回確認待ちになりました`,
      conflicts_waiting:
        n === 1 ? `${idp} の競合キューに競合が 1 件あります` : `${idp} の競合キューに競合が ${n} 件あります`,
      drift_found:
        n === 1 ? `${idp} の DingTalk でずれが見つかりました` : `${idp} の DingTalk でずれが ${n} 回見つかりました`,
      test: `コンソールからのテストメッセージ（${idp}）`,
    })[kind],
  detail: {
    run_failed: "原因を直すまで書き込みは行われません。同期記録のページに原因と直し方があります。",
    deletes_held: "削除される DingTalk ユーザーがしきい値を超えています。確認して承認するか、範囲を直してください。",
    conflicts_waiting:
      "リンクされていない DingTalk ユーザーと競合するアカウントがあります。競合キューでリンクまたはスキップしてください。",
    drift_found: "DingTalk がコンソールの外で変更されました。ずれの一覧を確認し、修復するか残してください。",
    test: "この ID プロバイダーのアラートはここに届きます。",
  },
  open: "コンソールで開く",
};

const WORDS: Record<MessageLang, Words> = { en: EN, "zh-CN": ZH, ja: JA };

/** Markdown characters a DingTalk group would render: an IdP's name is shown as typed. */
function plain(value: string): string {
  return value.replace(/[\\`*_[\]()#>!|~<]/g, (c) => `\\${c}`).replace(/\s+/g, " ");
}

export function buildAlertMessage(input: AlertMessageInput): AlertMessage {
  const langs: MessageLang[] = input.language === "bilingual" ? ["en", "zh-CN"] : [input.language];
  const idp = plain(input.idpName);
  const parts = langs.map((lang) => {
    const w = WORDS[lang];
    return { heading: w.heading(input.kind, input.count, idp), detail: w.detail[input.kind], open: w.open };
  });
  const markdown = parts
    .map((p) => `#### ${p.heading}\n\n${p.detail}\n\n[${p.open}](${input.link})`)
    .join("\n\n---\n\n");
  const rawParts = langs.map((lang) => WORDS[lang]);
  const text = rawParts
    .map(
      (w) =>
        `${w.heading(input.kind, input.count, input.idpName)}\n\n${w.detail[input.kind]}\n\n${w.open}: ${input.link}`,
    )
    .join("\n\n----\n\n");
  return {
    title: langs.map((l) => WORDS[l].heading(input.kind, input.count, input.idpName)).join(" / "),
    markdown,
    text,
  };
}
