import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the stand-in answered. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly privateToken: string | undefined;
  /** The comment body it carried (JSON `body` on GitHub, form field `body` on GitLab). */
  readonly body: string | undefined;
}

/** A comment (GitHub) or note (GitLab) the stand-in holds. */
export interface StoredComment {
  readonly id: number;
  body: string;
  /** GitHub's `user.type`: "Bot" for GITHUB_TOKEN's comments. */
  readonly userType: "Bot" | "User";
  /** GitLab's `author.id`. */
  readonly authorId: number;
}

/** The stand-in's GitLab user id: the token's own user, as GET /user answers. */
export const GITLAB_TOKEN_USER = 4242;

/**
 * A loopback stand-in for the two comment APIs the CI examples call, holding comments in memory
 * and recording every request: GitHub's issue comments (list, create, PATCH) under
 * `/repos/:owner/:repo/issues/…` and GitLab's merge-request notes (list, create, PUT) and
 * `/user` under `/api/v4/…`. Only what the pipelines use; anything else is a 404.
 */
export async function startCommentApi(): Promise<{
  readonly url: string;
  readonly requests: RecordedRequest[];
  readonly comments: StoredComment[];
  close(): Promise<void>;
}> {
  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  let next = 1000;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      // GitHub takes JSON (sent with Content-Type: application/json), GitLab a form field.
      const json = req.headers["content-type"]?.startsWith("application/json");
      const body = raw === "" ? undefined : json ? parseBody(raw) : (new URLSearchParams(raw).get("body") ?? undefined);
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        authorization: req.headers.authorization,
        privateToken: req.headers["private-token"] as string | undefined,
        body,
      });
      const reply = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      const github = (c: StoredComment) => ({ id: c.id, body: c.body, user: { type: c.userType } });
      const gitlab = (c: StoredComment) => ({ id: c.id, body: c.body, author: { id: c.authorId } });
      const page = (list: StoredComment[]) => {
        const size = Number(url.searchParams.get("per_page") ?? 30);
        const from = (Number(url.searchParams.get("page") ?? 1) - 1) * size;
        return list.slice(from, from + size);
      };
      const create = (userType: "Bot", authorId: number) => {
        const comment = { id: next++, body: body ?? "", userType, authorId };
        comments.push(comment);
        return comment;
      };
      const existing = (id: string | undefined) => comments.find((c) => String(c.id) === id);
      const route = url.pathname;
      let m: RegExpMatchArray | null;
      if (route === "/api/v4/user" && req.method === "GET") return reply(200, { id: GITLAB_TOKEN_USER });
      if (/^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/.test(route)) {
        if (req.method === "GET") return reply(200, page(comments).map(github));
        if (req.method === "POST") return reply(201, github(create("Bot", 0)));
      }
      if ((m = route.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/)) && req.method === "PATCH") {
        const c = existing(m[1]);
        if (!c || c.userType !== "Bot") return reply(403, { message: "not yours" });
        c.body = body ?? "";
        return reply(200, github(c));
      }
      if (/^\/api\/v4\/projects\/\d+\/merge_requests\/\d+\/notes$/.test(route)) {
        if (req.method === "GET") return reply(200, page(comments).map(gitlab));
        if (req.method === "POST") return reply(201, gitlab(create("Bot", GITLAB_TOKEN_USER)));
      }
      if ((m = route.match(/^\/api\/v4\/projects\/\d+\/merge_requests\/\d+\/notes\/(\d+)$/)) && req.method === "PUT") {
        const c = existing(m[1]);
        if (!c || c.authorId !== GITLAB_TOKEN_USER) return reply(403, { message: "not yours" });
        c.body = body ?? "";
        return reply(200, gitlab(c));
      }
      reply(404, { message: "Not Found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    comments,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function parseBody(raw: string): string | undefined {
  try {
    const body = (JSON.parse(raw) as { body?: unknown }).body;
    return typeof body === "string" ? body : undefined;
  } catch {
    return undefined;
  }
}
