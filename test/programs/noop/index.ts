import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: `noop-${inputs.n}`, outs: inputs };
  },
};

class Noop extends pulumi.dynamic.Resource {
  constructor(name: string, props: { n: number }) {
    super(provider, name, props, undefined, "noop", "Noop");
  }
}

const count = new pulumi.Config().getNumber("count") ?? 1;
const ids = [];
for (let n = 0; n < count; n++) ids.push(new Noop(`noop-${n}`, { n }).id);
export const created = ids;
