// The mapping rule: its type, the DingTalk field catalogues and labels, the
// defaults, the one validator, compiling for the sync and editor highlighting.
// Pure TypeScript over lib/expression: it runs in the browser and on the server.
export * from "./aliases";
export * from "./rule";
export * from "./check";
export * from "./compile";
export * from "./scope-filter";
