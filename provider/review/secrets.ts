/**
 * How a secret looks where the review reads it: `[secret]` in `pulumi preview --json` (which
 * never decrypts), an object with Pulumi's secret signature in `pulumi stack export` (ciphertext,
 * or the plaintext under `--show-secrets`). The review shows neither: it says "[secret]".
 */
export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** What the review prints in place of a secret value. */
export const HIDDEN = "[secret]";

/** Whether a value is a secret as the engine marks it. */
export function isSecret(value: unknown): boolean {
  if (value === HIDDEN) return true;
  return (
    value !== null &&
    typeof value === "object" &&
    (value as Record<string, unknown>)[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE
  );
}

/** Whether a value is, or holds anywhere, a secret. */
export function holdsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (value !== null && typeof value === "object") return Object.values(value).some(holdsSecret);
  return false;
}
