/** The brand every error of this package carries, so checks survive duplicate copies of the package. */
const brand = "__feishuHelpdeskError";

/**
 * The base of every error this package throws. Use the subclasses' `isInstance` rather than
 * `instanceof`: a Pulumi program and its dynamic provider can load different copies of the package.
 */
export abstract class FeishuHelpdeskError extends Error {
  /** @internal */
  readonly [brand]: string;

  protected constructor(kind: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = kind;
    this[brand] = kind;
  }

  /** True if `value` is an error thrown by any copy of this package. */
  static isInstance(value: unknown): value is FeishuHelpdeskError {
    return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[brand] === "string";
  }

  /** @internal Brand check for one subclass, by its name. */
  protected static isKind(value: unknown, kind: string): boolean {
    return FeishuHelpdeskError.isInstance(value) && value[brand] === kind;
  }
}
