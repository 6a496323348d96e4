//go:build tools

// Package yaml pins the Pulumi YAML language host (pulumi-language-yaml), built beside the engine
// by scripts/ensure-pulumi. It is a module of its own because pulumi-yaml v1.37.0 builds against
// pkg/v3 and sdk/v3 v3.247.0, whose APIs differ from the v3.248.0 the CLI is built from; the two
// speak the same gRPC protocol. Its checksum is not in the public checksum database, so go.sum
// here is the pin.
package yaml

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
