import { serve } from "./main";

// The plugin bundle's entry: serves, and prints the port (the engine reads it from stdout).
serve(process.argv.slice(2)).then(
  (port) => process.stdout.write(`${port}\n`),
  (error: unknown) => {
    console.error(`pulumi-resource-feishu-helpdesk: cannot start: ${String(error)}`);
    process.exit(1);
  },
);
