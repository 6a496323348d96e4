//go:build tools

// Package latest pins the newest Pulumi CLI the module proxy serves, built by
// scripts/ensure-pulumi-latest beside the pinned engine so the plugin, the Go program and the
// dynamic resource are tested on the engine users are most likely to run. The build tag keeps
// it out of any real build.
package latest

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
