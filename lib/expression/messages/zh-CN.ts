import { expectedList, q, type MessageTable, type Vocabulary } from "./types";

const v: Vocabulary = {
  kinds: { string: "字符串", number: "数字", boolean: "布尔值", null: "空值 (null)", array: "数组", object: "对象" },
  words: { expression: "表达式", field_name: "字段名", operator: "运算符", end: "表达式结尾" },
  limits: {
    sourceLength: (max) => `表达式超过 ${max} 个字符`,
    depth: (max) => `嵌套超过 ${max} 层`,
    nodes: (max) => `表达式超过 ${max} 个组成部分，请简化`,
    stringLength: (max) => `文本结果超过 ${max} 个字符`,
    arrayLength: (max) => `ArrayMap 最多处理 ${max} 个元素`,
    iterations: (max) => `ArrayMap 累计处理的元素超过 ${max} 个`,
    work: (max) => `求值所需的工作量超过 ${max} 个单位；请减少 ArrayMap 的嵌套或对长文本的重复处理`,
  },
};

const didYouMean = (s?: string) => (s === undefined ? "" : `，是否应为 ${q(s)}？`);

export const zhCN: MessageTable = {
  expected: (p) => {
    const list = expectedList(p.expected, v, " 或 ");
    if (p.argument !== undefined) return `第 ${p.argument} 个参数之后应为 ${list}`;
    return `应为 ${list}，实际为 ${p.found === null ? v.words.end : q(p.found)}`;
  },
  unterminated_string: () => '字符串缺少结尾的 "',
  invalid_escape: (p) => `字符串中的转义 ${q(p.escape)} 无效：可用 \\"、\\\\、\\n、\\t 或 \\uXXXX`,
  invalid_character: (p) => `无法识别的字符 ${q(p.character)}${didYouMean(p.suggestion)}`,
  member_call: (p) => `${q(p.path)} 是字段，不能调用；函数的写法是 Name(...)`,
  unknown_function: (p) => `未知函数 ${q(p.name)}${didYouMean(p.suggestion)}`,
  arity: (p) => {
    if (p.pairs) return `${p.name} 需要 source、default 以及成对的键和值（参数个数为偶数），实际为 ${p.got} 个`;
    if (p.max === 0) return `${p.name} 不接受参数，实际为 ${p.got} 个`;
    if (p.max === p.min) return `${p.name} 需要 ${p.min} 个参数，实际为 ${p.got} 个`;
    if (p.max === null) return `${p.name} 至少需要 ${p.min} 个参数，实际为 ${p.got} 个`;
    return `${p.name} 需要 ${p.min} 到 ${p.max} 个参数，实际为 ${p.got} 个`;
  },
  unknown_field: (p) => `未知字段 ${q(p.path)}${didYouMean(p.suggestion)}`,
  unknown_root: (p) =>
    `未知变量 ${q(p.root)}${didYouMean(p.suggestion)}（可用 idpUser、idpOrganizationalUnit，或在 ArrayMap 中使用 __item）`,
  item_outside_array_map: (p) => `${q(p.path)} 只能在 ArrayMap 的第二个参数中使用`,
  argument: (p) =>
    p.element === undefined
      ? `${p.function} 的第 ${p.argument} 个参数应为${v.kinds[p.expected]}，实际为${v.kinds[p.actual]}`
      : `${p.function} 的第 ${p.argument} 个参数中，第 ${p.element} 个元素应为文本，实际为${v.kinds[p.actual]}`,
  operand: (p) => `${q(p.operator)} 的操作数应为 true、false 或 null，实际为${v.kinds[p.actual]}`,
  comparison: (p) => `${q(p.operator)} 只能比较两个数字或两个字符串，实际为${v.kinds[p.left]}和${v.kinds[p.right]}`,
  field_value: (p) =>
    `字段值必须是文本、数字、布尔值或 null，实际为${v.kinds[p.actual]}；请先转换，例如使用 Join 或 ObjectToJsonString`,
  invalid_date: (p) => `${p.value} 不是有效的毫秒时间戳`,
  limit: (p) => v.limits[p.limit](p.max),
};
