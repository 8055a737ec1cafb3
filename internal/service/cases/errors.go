// Package cases implements the resources and data sources of Amazon Connect
// Cases. They reach the API only through the finders (find.go), waiters
// (wait.go) and tag helpers (tags.go) here, and the SDK client.
package cases

import (
	"errors"
	"fmt"
	"strings"

	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-framework/diag"
)

// NotFoundError says that the API has no such resource; Read treats it as
// drift and Delete as success.
type NotFoundError struct {
	Kind string
	ID   string
	Err  error
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s %s not found", e.Kind, e.ID)
}

func (e *NotFoundError) Unwrap() error { return e.Err }

// IsNotFound reports whether err says that a resource does not exist, from a
// finder or straight from the Cases or Connect API.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	var rnf *types.ResourceNotFoundException
	var connectRNF *connecttypes.ResourceNotFoundException
	return errors.As(err, &nf) || errors.As(err, &rnf) || errors.As(err, &connectRNF)
}

// addError appends a diagnostic that reads the same for every resource:
// "creating Cases Domain (support): <cause>".
func addError(diags *diag.Diagnostics, action, kind, id string, err error, hint string) {
	summary := fmt.Sprintf("%s %s", capitalise(action), kind)
	detail := fmt.Sprintf("%s %s (%s): %s", action, kind, id, err)
	if hint != "" {
		detail += "\n\n" + hint
	}
	diags.AddError(summary, detail)
}

// taintedHint is the hint of an error after a create recorded the new
// entity in state: Terraform keeps it tainted and the next apply replaces
// it, so nothing is orphaned.
func taintedHint(kind string) string {
	return fmt.Sprintf("The %s exists and is kept in state as tainted; the next apply replaces it.", kind)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
