import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiProject } from "../harness/pulumi-project";

const repoRoot = path.join(__dirname, "..", "..");

// The engine scripts/ensure-pulumi provides is the pinned one, and runs a program on its own.
describe("the Pulumi engine", () => {
  it("is v3.248.0, the version of the @pulumi/pulumi SDK the package is developed with", () => {
    const bin = process.env.PULUMI_FEISHU_ENGINE_BIN!;
    expect(execFileSync(path.join(bin, "pulumi"), ["version"], { encoding: "utf8" }).trim()).toBe("v3.248.0");
    for (const plugin of ["pulumi-language-nodejs", "pulumi-resource-pulumi-nodejs", "pulumi-language-yaml"]) {
      expect(fs.statSync(path.join(bin, plugin)).mode & 0o111).not.toBe(0);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
    expect(pkg.devDependencies["@pulumi/pulumi"]).toBe("3.248.0");
    expect(fs.readFileSync(path.join(repoRoot, "scripts", "ensure-pulumi"), "utf8")).toContain("version=3.248.0");
  });

  it("runs `pulumi up` and `pulumi destroy` of a do-nothing dynamic resource program", async () => {
    const project = await PulumiProject.create("test/programs/noop");
    try {
      await project.setConfig("count", "3");
      const up = await project.up();
      expect(up.output).toContain("+ 4 created");
      expect(await project.outputs()).toEqual({ created: ["noop-0", "noop-1", "noop-2"] });
      expect((await project.preview()).code).toBe(0);
      const destroy = await project.destroy();
      expect(destroy.output).toContain("- 4 deleted");
    } finally {
      await project.dispose();
    }
  });

  it("runs a Pulumi YAML program through the YAML language host built beside it", async () => {
    const project = await PulumiProject.create("test/programs/yaml-smoke");
    try {
      await project.setConfig("greeting", "ni hao");
      const up = await project.up();
      expect(up.output).toContain("+ 1 created");
      expect(await project.outputs()).toEqual({ message: "ni hao", words: ["ni hao", "world"] });
      expect((await project.preview()).code).toBe(0);
      await project.destroy();
    } finally {
      await project.dispose();
    }
  });
});
