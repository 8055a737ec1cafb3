//go:build tools

// Package tools pins the developer tools this repository uses, in a module of
// its own so that their dependencies never enter the provider's go.mod.
//
// The Makefile builds them into ../bin (make docs, make lint); `go generate`
// in this directory does the same and regenerates the documentation.
package tools

import (
	_ "github.com/golangci/golangci-lint/v2/cmd/golangci-lint"
	_ "github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs"
)

// Build the pinned tools into ../bin.
//go:generate sh -c "GOBIN=$(cd .. && pwd)/bin go install github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs github.com/golangci/golangci-lint/v2/cmd/golangci-lint"

// Format the examples that the documentation embeds, then render docs/.
//go:generate terraform fmt -recursive ../examples/
//go:generate ../scripts/docs.sh
