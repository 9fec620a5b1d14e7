import { expectedList, q, type MessageTable, type Vocabulary } from "./types";

const v: Vocabulary = {
  kinds: { string: "文字列", number: "数値", boolean: "真偽値", null: "null", array: "配列", object: "オブジェクト" },
  words: { expression: "式", field_name: "フィールド名", operator: "演算子", end: "式の終わり" },
  limits: {
    sourceLength: (max) => `式が ${max} 文字を超えています`,
    depth: (max) => `入れ子が ${max} 段を超えています`,
    nodes: (max) => `式の要素が ${max} 個を超えています。簡単にしてください`,
    stringLength: (max) => `文字列の結果が ${max} 文字を超えています`,
    arrayLength: (max) => `ArrayMap で扱える要素は ${max} 個までです`,
    iterations: (max) => `ArrayMap で処理した要素が合計 ${max} 個を超えました`,
    work: (max) =>
      `評価に必要な処理量が ${max} 単位を超えます。ArrayMap の入れ子や長い文字列への繰り返し処理を減らしてください`,
  },
};

const didYouMean = (s?: string) => (s === undefined ? "" : `（${q(s)} のことですか？）`);

export const ja: MessageTable = {
  expected: (p) => {
    const list = expectedList(p.expected, v, " または ");
    if (p.argument !== undefined) return `引数 ${p.argument} の後には ${list} が必要です`;
    return `${list} が必要ですが、${p.found === null ? v.words.end : q(p.found)} があります`;
  },
  unterminated_string: () => '文字列を閉じる " がありません',
  invalid_escape: (p) => `文字列のエスケープ ${q(p.escape)} は使えません（\\"、\\\\、\\n、\\t、\\uXXXX が使えます）`,
  invalid_character: (p) => `使えない文字 ${q(p.character)} があります${didYouMean(p.suggestion)}`,
  member_call: (p) => `${q(p.path)} はフィールドなので呼び出せません。関数は Name(...) の形で呼び出します`,
  unknown_function: (p) => `不明な関数 ${q(p.name)} です${didYouMean(p.suggestion)}`,
  arity: (p) => {
    if (p.pairs) return `${p.name} には source、default、キーと値の組が必要です（引数は偶数個）が、${p.got} 個あります`;
    if (p.max === 0) return `${p.name} は引数を取りませんが、${p.got} 個あります`;
    if (p.max === p.min) return `${p.name} の引数は ${p.min} 個ですが、${p.got} 個あります`;
    if (p.max === null) return `${p.name} の引数は ${p.min} 個以上必要ですが、${p.got} 個あります`;
    return `${p.name} の引数は ${p.min}〜${p.max} 個ですが、${p.got} 個あります`;
  },
  unknown_field: (p) => `不明なフィールド ${q(p.path)} です${didYouMean(p.suggestion)}`,
  unknown_root: (p) =>
    `不明な変数 ${q(p.root)} です${didYouMean(p.suggestion)}。idpUser、idpOrganizationalUnit、または ArrayMap 内の __item を使ってください`,
  item_outside_array_map: (p) => `${q(p.path)} は ArrayMap の 2 番目の引数の中でのみ使えます`,
  argument: (p) =>
    p.element === undefined
      ? `${p.function} の引数 ${p.argument} には${v.kinds[p.expected]}が必要ですが、${v.kinds[p.actual]}です`
      : `${p.function} の引数 ${p.argument} の要素 ${p.element} は文字列である必要がありますが、${v.kinds[p.actual]}です`,
  operand: (p) => `${q(p.operator)} には true・false・null が必要ですが、${v.kinds[p.actual]}です`,
  comparison: (p) =>
    `${q(p.operator)} で比較できるのは数値どうし・文字列どうしだけですが、${v.kinds[p.left]}と${v.kinds[p.right]}です`,
  field_value: (p) =>
    `フィールドの値は文字列・数値・真偽値・null のいずれかですが、${v.kinds[p.actual]}です。Join や ObjectToJsonString で変換してください`,
  invalid_date: (p) => `${p.value} は有効なエポックミリ秒ではありません`,
  limit: (p) => v.limits[p.limit](p.max),
};
