import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const ROOT = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// The layer rules of DESIGN.md ("Layers: each imports only those below it").
// no-restricted-imports sees import, `import type` and `export ... from` by their source text, so
// every block below lists @/ aliases and packages; the local `layers` rules add what it cannot see:
// a "use client" directive, and relative paths that climb out of a layer.
// ---------------------------------------------------------------------------------------------

const FRAMEWORKS = "^(next(-[\\w-]+)?|react(-dom)?|server-only)(/|$)|^@prisma/|^@next/";
const TEST_TOOLS = "vitest|fast-check";

/** Repo-relative path ("lib/server/db") of an import source, or null for a package. */
function resolveSource(filename, source) {
  let absolute;
  if (source === "@" || source.startsWith("@/")) absolute = path.join(ROOT, source.slice(2));
  else if (/^\.\.?(\/|$)/.test(source)) absolute = path.resolve(path.dirname(filename), source);
  else return null;
  return path.relative(ROOT, absolute).split(path.sep).join("/");
}

const isUnder = (file, dir) => file === dir || file.startsWith(`${dir}/`);

/** Calls `check(node, source)` for every import, re-export and dynamic import with a literal source. */
function onImportSources(check) {
  const visit = (node) => {
    const source = node.source;
    if (source && source.type === "Literal" && typeof source.value === "string") check(node, source.value);
  };
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const PURE_LAYERS = ["lib/expression", "lib/mapping", "lib/dingtalk", "lib/sync", "components"];

const layersPlugin = {
  rules: {
    "no-server-in-client": {
      meta: {
        type: "problem",
        messages: {
          serverInClient:
            'A "use client" file must not import lib/server, not even types: move what it needs out of ' +
            "lib/server (DESIGN.md: types that client components need live outside lib/server).",
        },
        schema: [],
      },
      create(context) {
        const body = context.sourceCode.ast.body;
        let isClient = false;
        for (const statement of body) {
          if (statement.type !== "ExpressionStatement" || typeof statement.directive !== "string") break;
          if (statement.directive === "use client") isClient = true;
        }
        if (!isClient) return {};
        return onImportSources((node, source) => {
          const target = resolveSource(context.filename, source);
          if (target === null || !isUnder(target, "lib/server")) return;
          context.report({ node: node.source, messageId: "serverInClient" });
        });
      },
    },
    "no-relative-escape": {
      meta: {
        type: "problem",
        messages: {
          escape:
            "Import another layer through its @/ path (here {{target}}), not a relative path out of {{layer}}, " +
            "so that the layer rules of DESIGN.md can check it.",
        },
        schema: [],
      },
      create(context) {
        const file = path.relative(ROOT, context.filename).split(path.sep).join("/");
        const layer = PURE_LAYERS.find((dir) => isUnder(file, dir));
        if (!layer) return {};
        return onImportSources((node, source) => {
          const target = resolveSource(context.filename, source);
          if (!source.startsWith(".") || isUnder(target, layer)) return;
          context.report({ node: node.source, messageId: "escape", data: { target, layer } });
        });
      },
    },
  },
};

const restrict = (files, patterns, extra = {}) => ({
  files,
  ...extra,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

/** Any package but those listed (relative paths, @/ aliases and node: built-ins have their own patterns). */
const packagesExcept = (allowed) => `^(?!\\.|@/|node:|(${allowed})(/|$))`;

const pureLayer = ({ layer, imports, packages, packagesInWords, allowNode }) => [
  {
    regex: `^@/(?!lib/(${imports})(/|$))`,
    message:
      layer === "lib/expression"
        ? "lib/expression is the bottom layer: it imports nothing else from this project."
        : `${layer} imports only lib/expression from this project.`,
  },
  ...(allowNode ? [] : [{ regex: "^node:", message: `${layer} also runs in the browser: no Node built-ins.` }]),
  {
    regex: packagesExcept(packages),
    message:
      `${layer} is plain TypeScript for the browser and the server: it uses ${packagesInWords}; ` +
      "no Next.js, React, Prisma or server-only.",
  },
];

const layerRules = [
  restrict(
    ["lib/expression/**"],
    pureLayer({
      layer: "lib/expression",
      imports: "expression",
      packages: TEST_TOOLS,
      packagesInWords: "no packages (its tests use vitest and fast-check)",
    }),
    { ignores: ["lib/expression/bench.ts"] },
  ),
  // The benchmark is a Node CLI comparing us with cel-js; it still may not reach other layers.
  restrict(
    ["lib/expression/bench.ts"],
    pureLayer({
      layer: "lib/expression",
      imports: "expression",
      packages: "esbuild|@marcbachmann/cel-js",
      packagesInWords: "only the packages it measures against",
      allowNode: true,
    }),
  ),
  restrict(
    ["lib/mapping/**"],
    pureLayer({
      layer: "lib/mapping",
      imports: "mapping|expression",
      packages: `zod|${TEST_TOOLS}`,
      packagesInWords: "no package but zod (its tests use vitest and fast-check)",
    }),
  ),
  restrict(
    ["lib/dingtalk/**"],
    [
      {
        regex: "^@/(app|components)(/|$)|^@/lib/(server|generated|sync|mapping)(/|$)",
        message: "lib/dingtalk sits below lib/mapping, lib/sync, lib/server, components and app: it imports none.",
      },
      {
        regex: FRAMEWORKS,
        message:
          "lib/dingtalk is plain TypeScript: no Next.js, React, Prisma or server-only (node: built-ins are fine).",
      },
    ],
  ),
  restrict(
    ["lib/sync/**"],
    [
      {
        regex: "^@/(app|components)(/|$)|^@/lib/(server|generated)(/|$)",
        message:
          "lib/sync sits below lib/server, components and app: it imports none of them (ports keep it testable).",
      },
      { regex: FRAMEWORKS, message: "lib/sync is plain TypeScript: no Next.js, React, Prisma or server-only." },
    ],
  ),
  restrict(
    ["lib/server/**"],
    [
      {
        regex: "^@/(app|components)(/|$)|^(\\.\\./)+(app|components)(/|$)",
        message: "lib/server sits below components and app: it never imports them.",
      },
    ],
  ),
  // Client components call server actions by importing them: @/app/actions is their interface.
  restrict(
    ["components/**"],
    [
      {
        regex: "^@/app(/(?!actions/)|$)",
        message: "components sit below app: they import nothing from app/ except the server actions in app/actions.",
      },
    ],
  ),
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}"],
    plugins: { layers: layersPlugin },
    rules: { "layers/no-server-in-client": "error", "layers/no-relative-escape": "error" },
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".test-reports/**",
    "data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
  ]),
  {
    rules: {
      "no-eval": "error",
      "no-new-func": "error",
      "no-implied-eval": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layerRules,
]);
