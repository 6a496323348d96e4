import { Reply, feishuErrors } from "../reply";
import type { Route } from "../route-table";

/** `POST /open-apis/auth/v3/tenant_access_token/internal`: a tenant token for the app's id and secret. */
export const tenantTokenRoute: Route = {
  pattern: /^\/open-apis\/auth\/v3\/tenant_access_token\/internal$/,
  what: "the tenant token endpoint",
  access: "public",
  methods: {
    POST: {
      handle(context, { body }) {
        const b = (body ?? {}) as { app_id?: unknown; app_secret?: unknown };
        const { appId, appSecret } = context.credentials;
        if (b.app_id !== appId || b.app_secret !== appSecret) return feishuErrors.appSecretInvalid();
        const expire = Math.round(context.tokens.ttlMs / 1000);
        // This endpoint answers without a `data` wrapper, and with "ok" rather than "success".
        return new Reply(200, { code: 0, msg: "ok", tenant_access_token: context.tokens.issue(), expire });
      },
    },
  },
};
