import * as fs from "node:fs";

/** A V8 `.cpuprofile` as `node --cpu-prof` writes it (the fields read here). */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a Node process spent its time, in ms, by kind of work. */
export interface ProcessBreakdown {
  /** `program`, `provider` (the dynamic provider host) or `other`: from the modules it ran. */
  readonly role: string;
  /** From the first to the last sample. */
  readonly wallMs: number;
  /** When profiling started, in ms of the monotonic clock (`process.hrtime`'s, on Linux). */
  readonly startMs: number;
  /** Samples not idle: time on the CPU (JavaScript, compilation, GC). */
  readonly cpuMs: number;
  /** CPU ms by kind, largest first. */
  readonly kinds: Readonly<Record<string, number>>;
  /** The functions with the most self time: `name (file:kind)` → ms. */
  readonly top: Readonly<Record<string, number>>;
}

/**
 * The kind of work a sample belongs to, from its stack (root first): the innermost frame with a
 * source says whose code ran. A module's top-level code counts as its package's (the program's
 * own resource declarations run there); resolving, reading and compiling modules is Node's.
 */
export function kindOf(stack: readonly { functionName: string; url: string }[]): string {
  const leaf = stack[stack.length - 1];
  if (leaf.functionName === "(garbage collector)") return "GC";
  if (leaf.functionName === "(program)") return "V8 / native (unattributed)";
  for (let i = stack.length - 1; i >= 0; i--) {
    const url = stack[i].url;
    if (/^(compileFunction|wrapSafe)$/.test(stack[i].functionName)) return "module loading (resolve, read, compile)";
    if (url === "") continue;
    if (url.startsWith("node:internal/modules/")) return "module loading (resolve, read, compile)";
    // Vendored in the SDK, but the program's TypeScript compiler and stack-trace source maps: not the SDK's own work.
    if (url.includes("/vendor/ts-node")) return "ts-node (compiling, source-mapping stack traces)";
    if (/@grpc\/|google-protobuf|\/proto\//.test(url)) return "gRPC + protobuf";
    if (/pulumi-feishu-helpdesk\/|\/dist\/provider\/|\/dist\/emulator\//.test(url) && !url.includes("node_modules/@"))
      return "this package";
    if (url.includes("@pulumi/pulumi/runtime/rpc")) return "Pulumi SDK: serialization (rpc.js)";
    if (url.includes("@pulumi/pulumi/runtime/resource")) return "Pulumi SDK: resource registration";
    if (url.includes("@pulumi/pulumi/output")) return "Pulumi SDK: outputs";
    if (url.includes("@pulumi/pulumi")) return "Pulumi SDK: other";
    if (url.includes("node_modules")) return "other packages";
    if (url.startsWith("node:")) return "Node.js built-ins";
    return "program";
  }
  return "V8 / native (unattributed)";
}

/** Reads one `.cpuprofile` and breaks its time down with {@link kindOf}. */
export function breakdown(file: string): ProcessBreakdown {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const kindById = new Map<number, string>();
  const kindOfNode = (id: number): string => {
    const known = kindById.get(id);
    if (known !== undefined) return known;
    const stack: { functionName: string; url: string }[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at)!.callFrame);
    const kind = stack[stack.length - 1].functionName === "(idle)" ? "idle" : kindOf(stack);
    kindById.set(id, kind);
    return kind;
  };
  const kinds: Record<string, number> = {};
  const self: Record<string, number> = {};
  for (let i = 0; i < profile.samples.length; i++) {
    const kind = kindOfNode(profile.samples[i]);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    kinds[kind] = (kinds[kind] ?? 0) + ms;
    if (kind === "idle") continue;
    const frame = byId.get(profile.samples[i])!.callFrame;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.replace(/^.*node_modules\//, "")}`;
    self[key] = (self[key] ?? 0) + ms;
  }
  const top = Object.fromEntries(
    Object.entries(self)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 15),
  );
  const urls = profile.nodes.map((n) => n.callFrame.url).join("\n");
  const role = urls.includes("cmd/dynamic-provider")
    ? "provider"
    : urls.includes("cmd/run") || urls.includes("runtime/closure")
      ? "program"
      : "other";
  const { idle = 0, ...busy } = kinds;
  const cpuMs = Object.values(busy).reduce((a, b) => a + b, 0);
  const sorted = Object.fromEntries(Object.entries(busy).sort(([, a], [, b]) => b - a));
  const startMs = profile.startTime / 1000;
  return {
    role,
    wallMs: (profile.endTime - profile.startTime) / 1000,
    startMs,
    cpuMs,
    kinds: { ...sorted, idle },
    top,
  };
}
