// Work the sync does in one process with the console's requests: hand the event loop back now and then.

/**
 * A function to await between units of work: it takes a macrotask turn (so pending requests and
 * timers run) once `sliceMs` have passed since the last turn, and costs nothing otherwise. Promise
 * chains alone never yield: a synchronous database driver resolves every query in microtasks.
 */
export function eventLoopYielder(sliceMs = 10): () => Promise<void> {
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => (globalThis.setImmediate ?? setTimeout)(resolve));
    sliceStart = Date.now();
  };
}
