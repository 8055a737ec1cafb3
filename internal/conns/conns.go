// Package conns holds what the provider's Configure builds once and hands to
// every resource and data source: the Cases and Connect clients and
// provider-wide settings.
package conns

import (
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"

	"github.com/connect-cases/terraform-provider-cases/internal/coalesce"
	"github.com/connect-cases/terraform-provider-cases/internal/poll"
)

// Client is the provider data passed to resources and data sources.
type Client struct {
	Cases *connectcases.Client
	// Connect reaches the Amazon Connect API (integration associations),
	// from the same AWS configuration.
	Connect *connect.Client
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

	accountMu sync.Mutex
	accountID string
}

// AccountID returns the AWS account of the provider's credentials when it
// is known yet, else "". The Cases API has no call that names the caller's
// account; the provider learns it from the first ARN it reads
// (LearnAccountID), and every entity one provider instance reaches is in
// that one account.
func (c *Client) AccountID() string {
	c.accountMu.Lock()
	defer c.accountMu.Unlock()
	return c.accountID
}

// LearnAccountID records the account named by an ARN the provider read;
// "" is ignored.
func (c *Client) LearnAccountID(id string) {
	if id == "" {
		return
	}
	c.accountMu.Lock()
	defer c.accountMu.Unlock()
	c.accountID = id
}
