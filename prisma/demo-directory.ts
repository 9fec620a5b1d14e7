// A deterministic demo directory: the same accounts and OUs on every machine,
// so the sandbox's pre-existing DingTalk users can match some of them.

export type DemoOu = { key: string; name: string; parentKey: string | null; order: number };
export type DemoAccount = {
  username: string;
  displayName: string;
  email: string | null;
  phoneNumber: string | null;
  phoneRegion: string | null;
  employeeNumber: string;
  jobTitle: string | null;
  status: "enabled" | "disabled";
  customFields: Record<string, string>;
  ouKeys: string[]; // the first is primary
};

const TREE: [string, string[]][] = [
  ["Acme Group", ["Headquarters", "Research & Development", "Sales", "Operations", "Japan Branch"]],
  ["Headquarters", ["Finance", "Human Resources", "Legal"]],
  ["Research & Development", ["Platform", "Mobile", "Data"]],
  ["Platform", ["Identity", "Infrastructure"]],
  ["Mobile", ["iOS", "Android"]],
  ["Data", ["Analytics"]],
  ["Sales", ["North China", "East China", "South China", "International"]],
  ["East China", ["Shanghai Office", "Hangzhou Office"]],
  ["Operations", ["Customer Support", "Facilities"]],
  ["Japan Branch", ["Tokyo Office", "Osaka Office"]],
];

export function demoOus(): DemoOu[] {
  const ous: DemoOu[] = [{ key: "Acme Group", name: "Acme Group", parentKey: null, order: 0 }];
  for (const [parent, children] of TREE) {
    children.forEach((name, i) => ous.push({ key: name, name, parentKey: parent, order: (i + 1) * 10 }));
  }
  return ous;
}

const CN_SURNAMES = [
  ["Zhang", "张"],
  ["Wang", "王"],
  ["Li", "李"],
  ["Liu", "刘"],
  ["Chen", "陈"],
  ["Yang", "杨"],
  ["Zhao", "赵"],
  ["Huang", "黄"],
  ["Zhou", "周"],
  ["Wu", "吴"],
];
const CN_GIVEN = [
  ["Wei", "伟"],
  ["Fang", "芳"],
  ["Na", "娜"],
  ["Min", "敏"],
  ["Jing", "静"],
  ["Lei", "磊"],
  ["Qiang", "强"],
  ["Yang", "洋"],
  ["Jie", "杰"],
  ["Xiu Ying", "秀英"],
  ["Tao", "涛"],
  ["Hui", "慧"],
];
const JP_SURNAMES = [
  ["Tanaka", "田中"],
  ["Sato", "佐藤"],
  ["Suzuki", "鈴木"],
  ["Takahashi", "高橋"],
  ["Watanabe", "渡辺"],
  ["Ito", "伊藤"],
];
const JP_GIVEN = [
  ["Yuki", "由紀"],
  ["Haruto", "陽翔"],
  ["Sakura", "さくら"],
  ["Ren", "蓮"],
  ["Aoi", "葵"],
  ["Kenji", "健二"],
];
const EN_FIRST = ["John", "Emily", "Michael", "Sarah", "David", "Olivia", "James", "Emma"];
const EN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Miller", "Wilson"];
const TITLES = [
  "Software Engineer",
  "Senior Engineer",
  "Product Manager",
  "Sales Manager",
  "Account Executive",
  "HR Specialist",
  "Accountant",
  "Support Engineer",
  "Data Analyst",
  "工程师",
  "产品经理",
  "営業担当",
];
const PLACES = ["Hangzhou", "Shanghai", "Beijing", "Shenzhen", "Tokyo", "Osaka"];

// Leaf-ish OUs where people sit; the parents hold a few managers.
const SEATS = [
  "Finance",
  "Human Resources",
  "Legal",
  "Identity",
  "Infrastructure",
  "iOS",
  "Android",
  "Analytics",
  "North China",
  "Shanghai Office",
  "Hangzhou Office",
  "South China",
  "International",
  "Customer Support",
  "Facilities",
  "Tokyo Office",
  "Osaka Office",
  "Headquarters",
  "Research & Development",
  "Sales",
];

type Person = { username: string; displayName: string; japanese: boolean };

function people(): Person[] {
  const out: Person[] = [];
  const taken = new Map<string, number>();
  const add = (base: string, displayName: string, japanese = false) => {
    const n = taken.get(base) ?? 0;
    taken.set(base, n + 1);
    out.push({ username: n === 0 ? base : `${base}${n + 1}`, displayName, japanese });
  };
  for (const [sEn, sZh] of CN_SURNAMES)
    for (const [gEn, gZh] of CN_GIVEN) add(`${sEn}.${gEn.replace(" ", "")}`.toLowerCase(), `${sZh}${gZh}`);
  for (const [sEn, sJa] of JP_SURNAMES)
    for (const [gEn, gJa] of JP_GIVEN) add(`${sEn}.${gEn}`.toLowerCase(), `${sJa} ${gJa}`, true);
  for (const f of EN_FIRST) for (const l of EN_LAST) add(`${f}.${l}`.toLowerCase(), `${f} ${l}`);
  // Second wave: same names again (duplicate display names are real life).
  for (const [sEn, sZh] of CN_SURNAMES)
    for (const [gEn, gZh] of CN_GIVEN.slice(0, 10)) add(`${sEn}.${gEn.replace(" ", "")}`.toLowerCase(), `${sZh}${gZh}`);
  for (const f of EN_FIRST.slice(0, 4))
    for (const l of EN_LAST.slice(0, 3)) add(`${f}.${l}`.toLowerCase(), `${f} ${l}`);
  return out;
}

export function demoAccounts(): DemoAccount[] {
  return people().map((p, i) => {
    const n = i + 1;
    const international = n % 41 === 0;
    const account: DemoAccount = {
      username: p.username,
      displayName: p.displayName,
      email: n % 37 === 0 ? null : `${p.username}@example.com`,
      phoneNumber:
        n % 29 === 0
          ? null
          : international
            ? `20${String(7000000 + n).padStart(8, "0")}`
            : `138${String(n).padStart(8, "0")}`,
      phoneRegion: n % 29 === 0 ? null : international ? "1" : p.japanese ? "81" : "86",
      employeeNumber: `E${String(n).padStart(4, "0")}`,
      jobTitle: n % 53 === 0 ? null : TITLES[n % TITLES.length],
      status: n % 47 === 0 ? "disabled" : "enabled",
      customFields: n % 3 === 0 ? { work_place: PLACES[n % PLACES.length] } : {},
      ouKeys: p.japanese ? [n % 2 ? "Tokyo Office" : "Osaka Office"] : [SEATS[n % SEATS.length]],
    };
    if (p.japanese) account.phoneNumber &&= `90${String(10000000 + n).padStart(8, "0")}`;
    if (n % 10 === 0) account.ouKeys.push(SEATS[(n + 7) % SEATS.length]);
    return account;
  });
}

/** Edge cases the sync must handle, appended after the regular accounts. */
export function demoEdgeCases(): DemoAccount[] {
  const base = { phoneRegion: "86", status: "enabled" as const, customFields: {} };
  return [
    {
      ...base,
      username: "long.title",
      displayName: "Long Title",
      email: "long.title@example.com",
      phoneNumber: "13900000001",
      employeeNumber: "E9001",
      jobTitle: "Principal ".repeat(25).trim() + " Engineer",
      ouKeys: ["Identity"],
    },
    {
      ...base,
      username: "no.contact",
      displayName: "无联系方式",
      email: null,
      phoneNumber: null,
      phoneRegion: null,
      employeeNumber: "E9002",
      jobTitle: "Intern",
      ouKeys: ["Facilities"],
    },
    {
      ...base,
      username: "emoji.user",
      displayName: "Rocket 🚀 Lee",
      email: "emoji.user@example.com",
      phoneNumber: "13900000003",
      employeeNumber: "E9003",
      jobTitle: "Developer Advocate",
      customFields: { work_place: "Remote" },
      ouKeys: ["Platform"],
    },
  ];
}
