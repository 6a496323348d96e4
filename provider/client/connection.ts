import * as http from "node:http";
import * as https from "node:https";
import { HttpProxyAgent } from "http-proxy-agent";
import { HttpsProxyAgent } from "https-proxy-agent";
import { getProxyForUrl } from "proxy-from-env";

// Keep-alive, shared by every client of the process. Idle sockets close after 4 s, before a
// server's usual 5 s keep-alive timeout, so a request is rarely written to a socket the server
// is closing (which would leave a POST's outcome unknown).
const agentOptions = { keepAlive: true, timeout: 4000 };
const direct = { "http:": new http.Agent(agentOptions), "https:": new https.Agent(agentOptions) };
const viaProxy = new Map<string, http.Agent>();

/**
 * The agent for a URL: through the proxy that HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and their
 * lower-case forms) choose for it, as CD runners behind proxies need, or direct.
 */
export function agentFor(url: URL): http.Agent {
  const proxy = getProxyForUrl(url.toString());
  if (!proxy) return direct[url.protocol as "http:" | "https:"] ?? direct["https:"];
  const proxyKey = `${url.protocol}${proxy}`;
  let agent = viaProxy.get(proxyKey);
  if (!agent) {
    agent =
      url.protocol === "https:" ? new HttpsProxyAgent(proxy, agentOptions) : new HttpProxyAgent(proxy, agentOptions);
    viaProxy.set(proxyKey, agent);
  }
  return agent;
}
