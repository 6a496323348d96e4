//go:build tools

// Package actionlint pins the GitHub Actions workflow linter that test/engine/ci-workflows.test.ts
// runs over examples/ci/, so `go mod tidy` keeps its modules in go.sum.
package actionlint

import (
	_ "github.com/rhysd/actionlint/cmd/actionlint"
)
