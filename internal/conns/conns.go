// Package conns holds what the provider's Configure builds once and hands to
// every resource and data source: the Cases client and provider-wide settings.
package conns

import (
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/coalesce"
	"github.com/connect-cases/terraform-provider-cases/internal/poll"
)

// Client is the provider data passed to resources and data sources.
type Client struct {
	Cases *connectcases.Client
	// Region the client is bound to; import by ARN checks it.
	Region string
	// DefaultTags from the provider block, merged under every resource's tags.
	DefaultTags map[string]string
	// StatusPolls paces the status polls of every waiter of this provider
	// instance together, so that many concurrent creates stay within the
	// service's config-API rate.
	StatusPolls *poll.Pacer
	// FieldReads coalesces the single-field reads of one domain asked for
	// at the same time into one BatchGetField request; nil reads each
	// field alone.
	FieldReads *coalesce.Batcher[*connectcases.BatchGetFieldOutput]
}
