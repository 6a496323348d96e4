//go:build tools

// Package engine only pins the Pulumi CLI's main package so `go mod tidy` keeps every
// module it needs in go.sum. The build tag keeps it out of any real build.
package engine

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
