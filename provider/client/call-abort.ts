/**
 * Ends one HTTP call from outside: node-fetch then destroys its request, socket and response
 * stream. node-fetch 2 accepts as `signal` any object whose class is named `AbortSignal` and
 * that has `aborted`, `addEventListener` and `removeEventListener`; it adds exactly one
 * listener. A real AbortController costs about a fifth of a loopback call (EventTarget
 * bookkeeping); this costs next to nothing, so every call can have one.
 */
export class CallAbort {
  /** Read by node-fetch before it sends. */
  aborted = false;
  private listener: (() => void) | undefined;

  addEventListener(_type: "abort", listener: () => void): void {
    this.listener = listener;
  }

  removeEventListener(): void {
    this.listener = undefined;
  }

  /** Ends the call if it is still running; harmless after it has ended. */
  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listener = this.listener;
    this.listener = undefined;
    listener?.();
  }
}

// The name node-fetch checks (`signal.constructor.name === "AbortSignal"`).
Object.defineProperty(CallAbort, "name", { value: "AbortSignal" });
