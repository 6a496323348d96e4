import { HelpdeskClient, type HelpdeskClientOptions } from "../client/helpdesk-client";
import { clientOptionsFromEnv } from "../pulumi/settings-for-client";

/**
 * Sends a preview of a campaign's card to the caller (the preview endpoint), for a script or a
 * one-off check, not as a side effect of every `pulumi up`. Without `options`, the settings
 * come from the FEISHU_* environment variables (see the README's configuration table).
 *
 * @example
 * await sendNotificationPreview("7001795247043727001");
 */
export async function sendNotificationPreview(
  notificationId: string,
  options?: HelpdeskClientOptions,
): Promise<{ readonly logId: string | undefined }> {
  return new HelpdeskClient(options ?? clientOptionsFromEnv()).previewNotification(notificationId);
}
