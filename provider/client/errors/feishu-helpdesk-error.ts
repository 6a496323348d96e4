/** The brand every error of this package carries, so checks survive duplicate copies of the package. */
const brand = "__feishuHelpdeskError";

/**
 * The base of every error this package throws. Each error's `name` is its class's name, given
 * once by the class itself (the plugin's bundle keeps class names). Use `isInstance` rather than
 * `instanceof`: a Pulumi program and its dynamic provider can load different copies of the package.
 */
export abstract class FeishuHelpdeskError extends Error {
  /** @internal */
  readonly [brand]: string;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this[brand] = new.target.name;
  }

  /**
   * True if `value` is an error of the class this is called on, thrown by any copy of this
   * package: `FeishuApiError.isInstance(e)` for a FeishuApiError, `FeishuHelpdeskError.isInstance(e)`
   * for any error of this package. Checked by the brand and the class's name, not by prototype.
   */
  static isInstance<T extends FeishuHelpdeskError>(
    this: abstract new (...args: never[]) => T,
    value: unknown,
  ): value is T {
    if (typeof value !== "object" || value === null) return false;
    const kind = (value as Record<string, unknown>)[brand];
    return typeof kind === "string" && ((this as unknown) === FeishuHelpdeskError || kind === this.name);
  }
}
