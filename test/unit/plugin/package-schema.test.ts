import * as fs from "node:fs";
import * as path from "node:path";
import { botMessageProperties } from "../../../provider/bot-message/check-inputs";
import { inputProperties, requiredFields } from "../../../provider/notification/fields";
import { serverFieldNames } from "../../../provider/notification/server-fields";
import { configKeys } from "../../../provider/pulumi/settings";
import { listedValues, unwrapDoc } from "../../../provider/plugin/package-schema-parts";
import { SCHEMA_FILE, schemaText } from "../../../provider/plugin/write-schema";

const repo = path.join(__dirname, "..", "..", "..");
const committed = JSON.parse(fs.readFileSync(path.join(repo, SCHEMA_FILE), "utf8"));
const keys = (o: object | undefined) => Object.keys(o ?? {}).sort();
const sorted = (list: readonly string[]) => [...list].sort();

// The package schema is generated from the TypeScript tables and JSDoc (npm run schema); the
// plugin serves the committed file. These tests keep the two from drifting.
describe("the package schema (provider/plugin/schema.json)", () => {
  it("is what npm run schema writes from the sources now", () => {
    expect(fs.readFileSync(path.join(repo, SCHEMA_FILE), "utf8")).toBe(schemaText(repo));
  });

  it("has the version of the npm package", () => {
    expect(committed.version).toBe(JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).version);
  });

  it("declares HelpdeskNotification's inputs and outputs exactly as the TypeScript key lists", () => {
    const resource = committed.resources["feishu-helpdesk:index:HelpdeskNotification"];
    expect(keys(resource.inputProperties)).toEqual(sorted(inputProperties));
    expect(sorted(resource.requiredInputs)).toEqual(keys(requiredFields));
    expect(keys(resource.properties)).toEqual(sorted([...new Set([...inputProperties, ...keys(serverFieldNames)])]));
    const fn = committed.functions["feishu-helpdesk:index:getNotification"];
    expect(keys(fn.outputs.properties)).toEqual(keys(resource.properties));
  });

  it("declares HelpdeskBotMessage's inputs and outputs exactly as the TypeScript key lists", () => {
    const resource = committed.resources["feishu-helpdesk:index:HelpdeskBotMessage"];
    expect(keys(resource.inputProperties)).toEqual(sorted(botMessageProperties));
    expect(keys(resource.properties)).toEqual(sorted([...botMessageProperties, "messageId", "sentAt"]));
  });

  it("declares every setting as config and as the provider's input, the secrets secret", () => {
    for (const table of [committed.config.variables, committed.provider.inputProperties]) {
      expect(keys(table)).toEqual(keys(configKeys));
      for (const [key, { secret }] of Object.entries(configKeys)) expect(table[key].secret === true).toBe(secret);
    }
  });

  it("describes every property and enum value, from the sources' JSDoc", () => {
    const described = (where: string, properties: Record<string, { description?: string }>) => {
      for (const [name, property] of Object.entries(properties))
        expect([`${where}.${name}`, (property.description ?? "").length > 0]).toEqual([`${where}.${name}`, true]);
    };
    for (const [token, resource] of Object.entries(committed.resources) as [string, Record<string, never>][]) {
      described(token, resource.inputProperties);
      described(token, resource.properties);
    }
    described("provider", committed.provider.inputProperties);
    expect(committed.resources["feishu-helpdesk:index:HelpdeskNotification"].inputProperties.jobName.description).toBe(
      "The campaign's name in the Helpdesk console (`job_name`). Required.",
    );
    const pushScope = committed.types["feishu-helpdesk:index:PushScopeType"].enum;
    expect(pushScope.map((v: { value: string }) => v.value)).toEqual([
      "allMembers",
      "chatsOnly",
      "someMembers",
      "newStaff",
    ]);
    expect(pushScope.every((v: { description?: string }) => (v.description ?? "").length > 0)).toBe(true);
  });

  it("offers numbers for no enum: its values are the names only, whatever the TypeScript docs allow", () => {
    const everything: { description: string; $ref?: string; where: string }[] = [];
    const collect = (where: string, properties: Record<string, { description?: string; $ref?: string }> = {}) => {
      for (const [name, p] of Object.entries(properties))
        everything.push({ where: `${where}.${name}`, description: p.description ?? "", $ref: p.$ref });
    };
    for (const [token, resource] of Object.entries(committed.resources) as [string, Record<string, never>][]) {
      collect(token, resource.inputProperties);
      collect(token, resource.properties);
    }
    const enumRefs = everything.filter((p) => committed.types[p.$ref?.replace("#/types/", "") ?? ""]?.enum);
    expect(enumRefs.length).toBeGreaterThan(3);
    for (const p of enumRefs)
      expect([p.where, p.description]).not.toEqual([p.where, expect.stringMatching(/numbers? (are|is) accepted/)]);
    const inputs = committed.resources["feishu-helpdesk:index:HelpdeskNotification"].inputProperties;
    expect(inputs.pushType.description).toContain("give the name");
    expect(inputs.sendAt.description).toContain("with its offset from UTC");
  });
});

describe("JSDoc as schema text", () => {
  it("joins hard-wrapped lines and keeps list items and defaults on their own lines", () => {
    expect(unwrapDoc("A long\nsentence.\n- `a`: one\n- `b`: two\nDefault: x.")).toBe(
      "A long sentence.\n- `a`: one\n- `b`: two\nDefault: x.",
    );
  });

  it("reads a type's list of values, a parenthesis after the name allowed", () => {
    expect(listedValues("What it does:\n- `retain`: nothing;\n  at all.\n- `cancel` (the default): withdraw.")).toEqual(
      {
        retain: "nothing; at all.",
        cancel: "withdraw.",
      },
    );
  });
});
