import * as fs from "node:fs";
import * as path from "node:path";
import { DataFileError, EmulatorUsageError } from "../../../emulator";
import {
  FeishuArgumentError,
  FeishuCancelledError,
  FeishuConfigError,
  FeishuHelpdeskError,
  FeishuOutcomeUnknownError,
} from "../../../provider/client";
import { NotificationGoneError } from "../../../provider/notification/errors/gone-error";
import { PackageSchemaError } from "../../../provider/plugin/package-schema-error";

// An error class names itself once: its `name` is the class's, and `isInstance` is the base's.

describe("the package's errors", () => {
  const config = new FeishuConfigError("bad", ["baseUrl"]);
  const cancelled = new FeishuCancelledError({ endpoint: "GET /x" });

  it("are named by their class, with no name written out", () => {
    expect(config.name).toBe("FeishuConfigError");
    expect(String(cancelled)).toMatch(/^FeishuCancelledError: GET \/x was given up/);
    expect(new NotificationGoneError({ notificationId: "1", jobName: "" }).name).toBe("NotificationGoneError");
    expect(new DataFileError("f", "p").name).toBe("DataFileError");
    expect(new PackageSchemaError("no JSDoc").name).toBe("PackageSchemaError");
  });

  it("are told apart by class through the base's isInstance, and all together through the base", () => {
    expect(FeishuConfigError.isInstance(config)).toBe(true);
    expect(FeishuConfigError.isInstance(cancelled)).toBe(false);
    expect(FeishuCancelledError.isInstance(cancelled)).toBe(true);
    expect(EmulatorUsageError.isInstance(new EmulatorUsageError("x"))).toBe(true);
    for (const error of [config, cancelled, new FeishuArgumentError({ argument: "a", problem: "p", fix: "f" })])
      expect(FeishuHelpdeskError.isInstance(error)).toBe(true);
    for (const other of [new Error("plain"), { name: "FeishuConfigError" }, null, "FeishuConfigError", undefined])
      expect(FeishuHelpdeskError.isInstance(other)).toBe(false);
  });

  it("are recognised when another copy of the package threw them (by brand, not prototype)", () => {
    const fromAnotherCopy = { ...config, __feishuHelpdeskError: "FeishuConfigError" };
    expect(Object.getPrototypeOf(fromAnotherCopy)).toBe(Object.prototype);
    expect(FeishuConfigError.isInstance(fromAnotherCopy)).toBe(true);
    expect(FeishuOutcomeUnknownError.isInstance(fromAnotherCopy)).toBe(false);
    expect(FeishuHelpdeskError.isInstance(fromAnotherCopy)).toBe(true);
  });

  it("never write their own name into the base's constructor, nor their own isInstance", () => {
    const sources = ["provider", "emulator"].flatMap((dir) =>
      fs
        .readdirSync(path.join(__dirname, "../../..", dir), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".ts") && !file.includes("node_modules"))
        .map((file) => path.join(__dirname, "../../..", dir, file)),
    );
    for (const file of sources) {
      const text = fs.readFileSync(file, "utf8");
      if (!text.includes("extends FeishuHelpdeskError")) continue;
      expect({ file, isKind: text.includes("isKind(") }).toEqual({ file, isKind: false });
      expect({ file, kind: /super\(\s*"[A-Z]\w+Error",/.test(text) }).toEqual({ file, kind: false });
    }
  });
});
