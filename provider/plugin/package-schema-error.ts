import { FeishuHelpdeskError } from "../client/errors/feishu-helpdesk-error";

/**
 * The package schema cannot be built from the sources (`npm run schema`, the schema test): a
 * declaration or its JSDoc is missing, or the repository is not where the build looks for it.
 */
export class PackageSchemaError extends FeishuHelpdeskError {}
