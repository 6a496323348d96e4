import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { PLUGIN_DOWNLOAD_URL } from "../../provider/plugin/package-schema";

/** A request the mirror answered. */
export interface MirrorRequest {
  readonly path: string;
  readonly status: number;
}

/** A loopback HTTP server laid out as a GitHub release mirror: `/releases/download/v<version>/<asset>`. */
export interface ReleaseMirror {
  /** `http://127.0.0.1:<port>/releases/download/v${VERSION}`: the engine fills in `${VERSION}`. */
  readonly url: string;
  /** PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES sending the schema's pluginDownloadURL here. */
  readonly overrides: string;
  readonly requests: readonly MirrorRequest[];
  close(): Promise<void>;
}

/** The regexp of an override that matches exactly the schema's pluginDownloadURL. */
export const downloadUrlPattern = `^${PLUGIN_DOWNLOAD_URL.replace(/[.]/g, "\\.")}$`;

/**
 * Serves the files of `dir` as the assets of release `v<version>`, as a mirror a team behind a
 * firewall would run: any other path is a 404, as a release without that asset answers.
 */
export async function startReleaseMirror(dir: string, version: string): Promise<ReleaseMirror> {
  const requests: MirrorRequest[] = [];
  const prefix = `/releases/download/v${version}/`;
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    const name = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length)) : "";
    const file = path.join(dir, name);
    const found = name !== "" && !name.includes("/") && fs.existsSync(file) && fs.statSync(file).isFile();
    const status = found ? 200 : 404;
    requests.push({ path: url, status });
    if (!found) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": fs.statSync(file).size });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/releases/download/v\${VERSION}`;
  return {
    url,
    overrides: `${downloadUrlPattern}=${url}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
