// vitest runs server modules outside React's server runtime, where the real
// "server-only" package throws by design; tests alias it to this empty module.
export {};
