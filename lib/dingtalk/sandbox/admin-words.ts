// The words of the sandbox's admin pages, one typed table per language: a missing entry fails to
// compile. The console's own labels (CorpId, the base URL fields, "Private deployment") are
// spelt as the console's wizard spells them, so that people find the field they paste into.

export const ADMIN_LANGS = ["en", "zh-CN", "ja"] as const;
export type AdminLang = (typeof ADMIN_LANGS)[number];

/** Each language named in itself, for the language switch. */
export const LANG_NAMES: Record<AdminLang, string> = { en: "English", "zh-CN": "简体中文", ja: "日本語" };

export type CreateField = "corpName" | "corpId" | "appKey" | "appSecret";
export type FieldProblem = "required" | "format" | "secretFormat" | "tooLong" | "corpTaken" | "appKeyTaken";

export type LauncherWords = {
  heading: string;
  formName: (corpId: string) => string;
  homePageUrl: string;
  homePageHint: string;
  openAs: (name: string) => string;
  noActiveMembers: string;
  /** Past the first users listed on the page (a corp with hundreds): where the rest are. */
  more: (count: number) => string;
};

export type AdminWords = {
  title: string;
  languages: string;
  notDingTalk: string;
  about: string;
  dataFile: string;
  create: {
    heading: string;
    intro: string;
    labels: Record<CreateField, string>;
    generatedHint: string;
    withPeople: string;
    withPeopleHint: string;
    submit: string;
    failed: string;
    problems: Record<Exclude<FieldProblem, "tooLong">, string> & { tooLong: (max: number) => string };
  };
  created: { heading: (name: string) => string; intro: string };
  credentials: {
    corpId: string;
    appKey: string;
    appSecret: string;
    apiBaseUrl: string;
    v1BaseUrl: string;
    loginBaseUrl: string;
  };
  corp: {
    counts: (departments: number, users: number) => string;
    apps: string;
    scopes: string;
    authedDept: string;
    baseUrls: string;
    resetLink: (name: string) => string;
    /** A large corp's directory is shown on its own page, so the main page stays light. */
    showDirectory: (name: string, departments: number, users: number) => string;
    directory: string;
    noMembers: string;
    noCorps: string;
  };
  reset: {
    heading: (name: string) => string;
    what: (departments: number, users: number) => string;
    keeps: string;
    withPeople: string;
    withPeopleHint: string;
    submit: string;
    cancel: string;
    done: (name: string, departments: number, users: number) => string;
  };
  refused: { heading: string; crossSite: string; notForm: string; back: string };
  unknownCorp: { heading: string; text: (corpId: string) => string };
  launcher: LauncherWords;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: AdminWords = {
  title: "DingTalk sandbox",
  languages: "Language",
  notDingTalk: "This is not DingTalk.",
  about:
    "It is a local stand-in that answers DingTalk's Open API on this machine, so that you can try the console, " +
    "bind it a second time or start over, and run its tests without a real DingTalk corp. Nothing here reaches DingTalk.",
  dataFile: "Its corps, apps and people are kept in this JSON file:",
  create: {
    heading: "Create a corp",
    intro:
      "A new corp with one app that has every address book permission for all employees. " +
      "Leave CorpId, AppKey and AppSecret empty to have them generated.",
    labels: { corpName: "Corp name", corpId: "CorpId", appKey: "AppKey", appSecret: "AppSecret" },
    generatedHint: "Optional: generated when left empty.",
    withPeople: "With people",
    withPeopleHint:
      "Adds the seeded employees (20 people in Engineering and Sales); some share an e-mail, a mobile or a userid " +
      "with the console's demo accounts, so a first sync of the demo directory has matches and conflicts to review.",
    submit: "Create corp",
    failed: "The corp was not created: correct the fields marked below.",
    problems: {
      required: "Enter a corp name.",
      format: "Use letters, digits, _ and - only.",
      secretFormat: "An AppSecret has no spaces.",
      tooLong: (max) => `At most ${max} characters.`,
      corpTaken: "A corp with this CorpId already exists. Choose another or leave it empty.",
      appKeyTaken: "This AppKey belongs to another app. Choose another or leave it empty.",
    },
  },
  created: {
    heading: (name) => `Corp ${name} created`,
    intro:
      "Paste these values into the console's wizard, step Create application: CorpId, AppKey and AppSecret; " +
      "then choose DingTalk edition Private deployment and paste the base URLs into its three fields.",
  },
  credentials: {
    corpId: "CorpId",
    appKey: "AppKey",
    appSecret: "AppSecret",
    apiBaseUrl: "Classic API base URL (oapi)",
    v1BaseUrl: "New API base URL (api, v1.0)",
    loginBaseUrl: "Login base URL",
  },
  corp: {
    counts: (d, u) => `${plural(d, "department", "departments")}, ${plural(u, "user", "users")}`,
    apps: "Apps",
    scopes: "Permissions",
    authedDept: "Authorised departments",
    baseUrls: "Base URLs for the console's Private deployment fields (the same for all three):",
    resetLink: (name) => `Reset ${name}…`,
    showDirectory: (name, d, u) =>
      `Show the directory of ${name} (${plural(d, "department", "departments")}, ${plural(u, "user", "users")})`,
    directory: "Directory",
    noMembers: "no members",
    noCorps: "No corps yet.",
  },
  reset: {
    heading: (name) => `Reset ${name}?`,
    what: (d, u) =>
      `This deletes its ${plural(d, "department", "departments")} and ${plural(u, "user", "users")} and keeps ` +
      "the root department only.",
    keeps:
      "Its apps and their credentials stay, and so does everything in the console: a sync afterwards finds " +
      "the departments and users it wrote gone.",
    withPeople: "Add the seeded people again",
    withPeopleHint: "The 20 seeded employees in Engineering and Sales.",
    submit: "Reset corp",
    cancel: "Cancel",
    done: (name, d, u) =>
      `${name} was reset: ${plural(d, "department", "departments")} and ${plural(u, "user", "users")} now.`,
  },
  refused: {
    heading: "Refused: nothing was changed",
    crossSite:
      "This form was sent from another site, from a page that is too old, or through an address other than " +
      "localhost or an IP address. Open the sandbox page again and send the form from there.",
    notForm: "The sandbox's pages send plain HTML forms; this request was not one.",
    back: "Back to the sandbox page",
  },
  unknownCorp: { heading: "Unknown corp", text: (corpId) => `There is no corp ${corpId} in this sandbox.` },
  launcher: {
    heading: "Open the app in DingTalk",
    formName: (corpId) => `Open the app in DingTalk (${corpId})`,
    homePageUrl: "Application home page URL",
    homePageHint: "as pasted into the app's settings; $CORPID$ is replaced",
    openAs: (name) => `Open the app as ${name}`,
    noActiveMembers: "no active members",
    more: (n) => `and ${plural(n, "more user", "more users")}: open the corp's directory to see them all`,
  },
};

const zhCN: AdminWords = {
  title: "钉钉沙箱",
  languages: "语言",
  notDingTalk: "这不是钉钉。",
  about:
    "这是在本机运行的钉钉替身：它在本机应答钉钉开放平台的接口，让你无需真实的钉钉企业即可试用控制台、" +
    "再次绑定或从头开始，以及运行测试。这里的任何操作都不会到达钉钉。",
  dataFile: "它的企业、应用和人员保存在这个 JSON 文件中：",
  create: {
    heading: "创建企业",
    intro:
      "新企业带一个应用，拥有全部员工范围内的全部通讯录权限。企业 CorpId、应用 AppKey 和应用 AppSecret 留空则自动生成。",
    labels: { corpName: "企业名称", corpId: "企业 CorpId", appKey: "应用 AppKey", appSecret: "应用 AppSecret" },
    generatedHint: "可选：留空则自动生成。",
    withPeople: "带人员",
    withPeopleHint:
      "加入预置员工（Engineering 和 Sales 两个部门共 20 人）；其中一些人与控制台演示账号的邮箱、手机号或 userid 相同，" +
      "因此首次同步演示目录时会有需要审核的匹配和冲突。",
    submit: "创建企业",
    failed: "企业未创建：请修改下面标出的字段。",
    problems: {
      required: "请输入企业名称。",
      format: "只能包含字母、数字、_ 和 -。",
      secretFormat: "AppSecret 不能包含空格。",
      tooLong: (max) => `最多 ${max} 个字符。`,
      corpTaken: "已有使用此 CorpId 的企业。请换一个，或留空。",
      appKeyTaken: "此 AppKey 已属于另一个应用。请换一个，或留空。",
    },
  },
  created: {
    heading: (name) => `企业 ${name} 已创建`,
    intro:
      "请把这些值粘贴到控制台向导的“创建应用”步骤：企业 CorpId、应用 AppKey 和应用 AppSecret；" +
      "然后在“钉钉版本”中选择“专属部署”，把基础地址粘贴到它的三个字段中。",
  },
  credentials: {
    corpId: "企业 CorpId",
    appKey: "应用 AppKey",
    appSecret: "应用 AppSecret",
    apiBaseUrl: "旧版 API 基础地址（oapi）",
    v1BaseUrl: "新版 API 基础地址（api，v1.0）",
    loginBaseUrl: "登录基础地址",
  },
  corp: {
    counts: (d, u) => `${d} 个部门，${u} 名用户`,
    apps: "应用",
    scopes: "权限",
    authedDept: "授权部门",
    baseUrls: "控制台“专属部署”字段的基础地址（三个字段相同）：",
    resetLink: (name) => `重置 ${name}…`,
    showDirectory: (name, d, u) => `查看 ${name} 的通讯录（${d} 个部门，${u} 个用户）`,
    directory: "通讯录",
    noMembers: "没有成员",
    noCorps: "还没有企业。",
  },
  reset: {
    heading: (name) => `重置 ${name}？`,
    what: (d, u) => `这会删除它的 ${d} 个部门和 ${u} 名用户，只保留根部门。`,
    keeps: "它的应用及凭证会保留，控制台中的一切也会保留：之后的同步会发现它写入的部门和用户已不存在。",
    withPeople: "重新加入预置人员",
    withPeopleHint: "Engineering 和 Sales 两个部门的 20 名预置员工。",
    submit: "重置企业",
    cancel: "取消",
    done: (name, d, u) => `${name} 已重置：现在有 ${d} 个部门和 ${u} 名用户。`,
  },
  refused: {
    heading: "已拒绝：没有做任何更改",
    crossSite:
      "这个表单来自其他网站、来自过旧的页面，或者不是通过 localhost 或 IP 地址访问的。请重新打开沙箱页面，从那里提交表单。",
    notForm: "沙箱页面只提交普通 HTML 表单；这个请求不是。",
    back: "返回沙箱页面",
  },
  unknownCorp: { heading: "未知企业", text: (corpId) => `此沙箱中没有企业 ${corpId}。` },
  launcher: {
    heading: "在钉钉中打开应用",
    formName: (corpId) => `在钉钉中打开应用（${corpId}）`,
    homePageUrl: "应用首页地址",
    homePageHint: "即粘贴到应用设置中的地址；$CORPID$ 会被替换",
    openAs: (name) => `以 ${name} 身份打开应用`,
    noActiveMembers: "没有在职成员",
    more: (n) => `另有 ${n} 个用户：打开该企业的通讯录查看全部`,
  },
};

const ja: AdminWords = {
  title: "DingTalk サンドボックス",
  languages: "言語",
  notDingTalk: "これは DingTalk ではありません。",
  about:
    "このマシン上で DingTalk の Open API に応答するローカルの代役です。本物の DingTalk 企業なしで、コンソールを試したり、" +
    "もう一度連携したり、最初からやり直したり、テストを実行したりできます。ここでの操作は DingTalk には一切届きません。",
  dataFile: "企業、アプリ、メンバーはこの JSON ファイルに保存されます：",
  create: {
    heading: "企業を作成",
    intro:
      "全従業員を範囲とするすべてのアドレス帳権限を持つアプリが 1 つ付いた、新しい企業を作成します。" +
      "企業 CorpId、アプリ AppKey、アプリ AppSecret を空のままにすると自動生成されます。",
    labels: { corpName: "企業名", corpId: "企業 CorpId", appKey: "アプリ AppKey", appSecret: "アプリ AppSecret" },
    generatedHint: "任意：空のままにすると自動生成されます。",
    withPeople: "メンバー付き",
    withPeopleHint:
      "用意済みの従業員（Engineering と Sales の 20 人）を追加します。一部はコンソールのデモアカウントとメールアドレス、" +
      "携帯電話番号または userid が同じなので、デモディレクトリの初回同期でレビューすべき一致と競合が生じます。",
    submit: "企業を作成",
    failed: "企業は作成されませんでした。下で示した項目を修正してください。",
    problems: {
      required: "企業名を入力してください。",
      format: "英字、数字、_、- だけを使ってください。",
      secretFormat: "AppSecret に空白は使えません。",
      tooLong: (max) => `${max} 文字以内で入力してください。`,
      corpTaken: "この CorpId の企業はすでにあります。別の値にするか、空のままにしてください。",
      appKeyTaken: "この AppKey は別のアプリのものです。別の値にするか、空のままにしてください。",
    },
  },
  created: {
    heading: (name) => `企業 ${name} を作成しました`,
    intro:
      "これらの値をコンソールのウィザードの「アプリを作成」ステップに貼り付けてください：企業 CorpId、アプリ AppKey、" +
      "アプリ AppSecret。次に「DingTalk のエディション」で「専用デプロイ」を選び、ベース URL を 3 つの欄に貼り付けます。",
  },
  credentials: {
    corpId: "企業 CorpId",
    appKey: "アプリ AppKey",
    appSecret: "アプリ AppSecret",
    apiBaseUrl: "旧 API のベース URL（oapi）",
    v1BaseUrl: "新 API のベース URL（api、v1.0）",
    loginBaseUrl: "ログインのベース URL",
  },
  corp: {
    counts: (d, u) => `部門 ${d} 件、ユーザー ${u} 人`,
    apps: "アプリ",
    scopes: "権限",
    authedDept: "権限のある部門",
    baseUrls: "コンソールの「専用デプロイ」欄に入れるベース URL（3 つとも同じ）：",
    resetLink: (name) => `${name} をリセット…`,
    showDirectory: (name, d, u) => `${name} のアドレス帳を表示（部門 ${d}、ユーザー ${u} 人）`,
    directory: "アドレス帳",
    noMembers: "メンバーなし",
    noCorps: "企業はまだありません。",
  },
  reset: {
    heading: (name) => `${name} をリセットしますか？`,
    what: (d, u) => `部門 ${d} 件とユーザー ${u} 人を削除し、ルート部門だけを残します。`,
    keeps:
      "アプリとその認証情報は残り、コンソール側の設定もすべて残ります。その後の同期では、書き込んだ部門とユーザーが" +
      "なくなっていることが検出されます。",
    withPeople: "用意済みのメンバーを再追加",
    withPeopleHint: "Engineering と Sales の用意済み従業員 20 人です。",
    submit: "企業をリセット",
    cancel: "キャンセル",
    done: (name, d, u) => `${name} をリセットしました：現在は部門 ${d} 件、ユーザー ${u} 人です。`,
  },
  refused: {
    heading: "拒否しました：何も変更されていません",
    crossSite:
      "このフォームは別のサイトや古すぎるページから送信されたか、localhost や IP アドレス以外のアドレス経由で送信されました。" +
      "サンドボックスのページを開き直し、そこからフォームを送信してください。",
    notForm: "サンドボックスのページは通常の HTML フォームを送信します。このリクエストはそうではありません。",
    back: "サンドボックスのページに戻る",
  },
  unknownCorp: { heading: "不明な企業", text: (corpId) => `このサンドボックスに企業 ${corpId} はありません。` },
  launcher: {
    heading: "DingTalk でアプリを開く",
    formName: (corpId) => `DingTalk でアプリを開く（${corpId}）`,
    homePageUrl: "アプリのホームページ URL",
    homePageHint: "アプリの設定に貼り付けたもの。$CORPID$ は置き換えられます",
    openAs: (name) => `${name} としてアプリを開く`,
    noActiveMembers: "在籍中のメンバーなし",
    more: (n) => `ほか ${n} 人：企業のアドレス帳を開くとすべて表示されます`,
  },
};

export const ADMIN_WORDS: Record<AdminLang, AdminWords> = { en, "zh-CN": zhCN, ja };

const isAdminLang = (value: string): value is AdminLang => (ADMIN_LANGS as readonly string[]).includes(value);

/** `?lang=` when it names a language, else the best of Accept-Language, else English. */
export function pickLang(requested: string | null | undefined, acceptLanguage: string | undefined): AdminLang {
  if (requested && isAdminLang(requested)) return requested;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag !== "" && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (base === "en") return "en";
    if (base === "zh") return "zh-CN";
    if (base === "ja") return "ja";
  }
  return "en";
}
