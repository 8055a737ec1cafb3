package provider

import (
	"context"
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/connect-cases/terraform-provider-cases/internal/coalesce"
	"github.com/connect-cases/terraform-provider-cases/internal/conns"
	"github.com/connect-cases/terraform-provider-cases/internal/poll"
	"github.com/connect-cases/terraform-provider-cases/internal/ratecontrol"
	"github.com/connect-cases/terraform-provider-cases/internal/service/cases"
)

const (
	defaultMaxRetries         = 25
	maxRetryBackoff           = 20 * time.Second
	defaultAssumeRoleSession  = "terraform-provider-cases"
	minAssumeRoleDuration     = 15 * time.Minute
	maxAssumeRoleDuration     = 12 * time.Hour
	userAgentProductForRemote = "terraform-provider-cases"
)

type providerModel struct {
	Region                 types.String      `tfsdk:"region"`
	Profile                types.String      `tfsdk:"profile"`
	AccessKey              types.String      `tfsdk:"access_key"`
	SecretKey              types.String      `tfsdk:"secret_key"`
	Token                  types.String      `tfsdk:"token"`
	SharedConfigFiles      []types.String    `tfsdk:"shared_config_files"`
	SharedCredentialsFiles []types.String    `tfsdk:"shared_credentials_files"`
	MaxRetries             types.Int64       `tfsdk:"max_retries"`
	RequestsPerSecond      types.Float64     `tfsdk:"requests_per_second"`
	Burst                  types.Int64       `tfsdk:"burst"`
	AssumeRole             *assumeRoleModel  `tfsdk:"assume_role"`
	Endpoints              *endpointsModel   `tfsdk:"endpoints"`
	DefaultTags            *defaultTagsModel `tfsdk:"default_tags"`
}

type assumeRoleModel struct {
	RoleARN     types.String `tfsdk:"role_arn"`
	SessionName types.String `tfsdk:"session_name"`
	ExternalID  types.String `tfsdk:"external_id"`
	Duration    types.String `tfsdk:"duration"`
}

type endpointsModel struct {
	ConnectCases types.String `tfsdk:"connectcases"`
	Connect      types.String `tfsdk:"connect"`
	STS          types.String `tfsdk:"sts"`
}

type defaultTagsModel struct {
	Tags map[string]types.String `tfsdk:"tags"`
}

// newClient resolves the AWS configuration once, the way every AWS tool
// does (arguments, then AWS_* environment, then shared files), and builds
// the Cases and Connect clients that all resources share.
func newClient(ctx context.Context, m providerModel, version string) (*conns.Client, diag.Diagnostics) {
	var diags diag.Diagnostics

	if unknown := m.unknownArguments(); len(unknown) > 0 {
		diags.AddError("Provider configuration depends on values not known yet",
			fmt.Sprintf("The cases provider cannot be configured while %v are unknown. Set them from values known at plan time (variables, locals, data sources).", unknown))
		return nil, diags
	}

	budget, rateControl := newRateBudget(m.RequestsPerSecond, m.Burst)

	// No config.WithRetryer: with one, LoadDefaultConfig skips
	// AWS_MAX_ATTEMPTS and the profile's max_attempts altogether. The
	// retryer is built below, once the attempt count is known.
	opts := []func(*config.LoadOptions) error{
		config.WithAppID(userAgentProductForRemote + "/" + version),
	}
	if v := m.Region.ValueString(); v != "" {
		opts = append(opts, config.WithRegion(v))
	}
	if v := m.Profile.ValueString(); v != "" {
		opts = append(opts, config.WithSharedConfigProfile(v))
	}
	if files := stringValues(m.SharedConfigFiles); len(files) > 0 {
		opts = append(opts, config.WithSharedConfigFiles(files))
	}
	if files := stringValues(m.SharedCredentialsFiles); len(files) > 0 {
		opts = append(opts, config.WithSharedCredentialsFiles(files))
	}
	accessKey, secretKey := m.AccessKey.ValueString(), m.SecretKey.ValueString()
	switch {
	case accessKey != "" && secretKey != "":
		opts = append(opts, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(accessKey, secretKey, m.Token.ValueString())))
	case accessKey != "" || secretKey != "":
		diags.AddError("Incomplete static credentials",
			"access_key and secret_key must be set together. Set both, or neither to use the environment, a profile or assume_role.")
		return nil, diags
	}

	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		diags.AddError("Cannot load AWS configuration", err.Error())
		return nil, diags
	}
	if cfg.Region == "" {
		diags.AddError("No AWS region",
			"The cases provider needs a region. Set `region` in the provider block, or AWS_REGION in the environment, or a region in the selected profile.")
		return nil, diags
	}

	if m.AssumeRole != nil {
		provider, d := assumeRoleCredentials(cfg, *m.AssumeRole, m.Endpoints)
		diags.Append(d...)
		if diags.HasError() {
			return nil, diags
		}
		cfg.Credentials = aws.NewCredentialsCache(provider)
	}

	maxAttempts, attemptsFrom := resolveMaxAttempts(m.MaxRetries, cfg.RetryMaxAttempts)
	retryer := retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = maxAttempts
		o.MaxBackoff = maxRetryBackoff
		if retryBackoff != nil {
			o.Backoff = retryBackoff
		}
		// The default retry quota gives up after a burst of failures; a
		// provider would rather wait than fail an apply.
		o.RateLimiter = ratelimit.None
	})

	client := connectcases.NewFromConfig(cfg, func(o *connectcases.Options) {
		if m.Endpoints != nil && m.Endpoints.ConnectCases.ValueString() != "" {
			o.BaseEndpoint = aws.String(m.Endpoints.ConnectCases.ValueString())
		}
		o.Retryer = retryer
		// Zero keeps the client from wrapping the retryer with the
		// environment's or profile's attempt count: maxAttempts has
		// already decided between them and the argument.
		o.RetryMaxAttempts = 0
		o.APIOptions = append(o.APIOptions, ratecontrol.AddMiddleware(budget))
	})

	// The Connect client shares the configuration: same credentials, region
	// and retryer; only the endpoint may differ.
	connectClient := connect.NewFromConfig(cfg, func(o *connect.Options) {
		if m.Endpoints != nil && m.Endpoints.Connect.ValueString() != "" {
			o.BaseEndpoint = aws.String(m.Endpoints.Connect.ValueString())
		}
		o.Retryer = retryer
		o.RetryMaxAttempts = 0
	})

	defaultTags := map[string]string{}
	if m.DefaultTags != nil {
		for k, v := range m.DefaultTags.Tags {
			defaultTags[k] = v.ValueString()
		}
	}

	tflog.Debug(ctx, "configured Cases client", map[string]any{
		"region":            cfg.Region,
		"max_attempts":      maxAttempts,
		"max_attempts_from": attemptsFrom,
		"rate_control":      rateControl,
		"assume_role":       m.AssumeRole != nil,
		"default_tags":      len(defaultTags),
	})
	return &conns.Client{
		Cases:       client,
		Connect:     connectClient,
		Region:      cfg.Region,
		DefaultTags: defaultTags,
		StatusPolls: poll.NewPacer(poll.DefaultMinSpacing),
		// A batch of field reads waits for its BatchGetField token before
		// it decides which fields it holds: the lower the rate, the
		// more reads each request carries.
		FieldReads: coalesce.New(cases.MaxBatchGetFields(), fieldReadLinger, func(ctx context.Context) (func(context.Context) context.Context, error) {
			return budget.Reserve(ctx, "BatchGetField")
		}, func(ctx context.Context, domainID string, fieldIDs []string) (*connectcases.BatchGetFieldOutput, error) {
			return cases.BatchGetFields(ctx, client, domainID, fieldIDs)
		}),
	}, diags
}

// fieldReadLinger is how long a follow-on batch of field reads waits for
// more reads to join it: Terraform hands the provider about one read every
// few milliseconds during a refresh, so that a batch carries up to its
// parallelism's worth instead of two or three, and 100 fields take about a
// dozen BatchGetField requests, within the operation's burst. A lone read
// does not wait.
const fieldReadLinger = 10 * time.Millisecond

// newRateBudget is the rate budget of one provider configuration (one
// account and Region): a limiter per operation, shared by its CRUD calls,
// status polls and their retries. Unset arguments keep each operation's
// published rate and burst; a set one replaces it for every operation;
// requests_per_second = 0 turns rate control off (nil). It says which.
func newRateBudget(requestsPerSecond types.Float64, burst types.Int64) (*ratecontrol.Budget, string) {
	if !requestsPerSecond.IsNull() && requestsPerSecond.ValueFloat64() <= 0 {
		return nil, "off"
	}
	rate, size := requestsPerSecond.ValueFloat64(), int(burst.ValueInt64())
	quota, from := ratecontrol.PublishedQuotas, "published per-operation quotas"
	if rate > 0 || size > 0 {
		quota = ratecontrol.Override(quota, rate, size)
		from = fmt.Sprintf("published per-operation quotas with requests_per_second=%v burst=%d (0: published)", rate, size)
	}
	return ratecontrol.NewBudget(quota), from
}

// resolveMaxAttempts decides how many attempts a request gets: max_retries + 1
// when the argument is set; else AWS_MAX_ATTEMPTS or the profile's
// max_attempts (the SDK resolves those two, the environment first, into
// loaded); else the provider default. It says which one it took.
func resolveMaxAttempts(argument types.Int64, loaded int) (int, string) {
	switch {
	case !argument.IsNull():
		return int(argument.ValueInt64()) + 1, "max_retries"
	case loaded > 0:
		return loaded, "AWS_MAX_ATTEMPTS or profile max_attempts"
	default:
		return defaultMaxRetries + 1, "provider default"
	}
}

func assumeRoleCredentials(cfg aws.Config, m assumeRoleModel, endpoints *endpointsModel) (aws.CredentialsProvider, diag.Diagnostics) {
	var diags diag.Diagnostics
	if m.RoleARN.ValueString() == "" {
		diags.AddAttributeError(pathAssumeRoleARN, "Missing role_arn",
			"assume_role.role_arn is required when the assume_role block is present.")
		return nil, diags
	}
	duration := minAssumeRoleDuration
	if v := m.Duration.ValueString(); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			diags.AddAttributeError(pathAssumeRoleDuration, "Invalid duration", err.Error())
			return nil, diags
		}
		duration = d
	}
	stsClient := sts.NewFromConfig(cfg, func(o *sts.Options) {
		if endpoints != nil && endpoints.STS.ValueString() != "" {
			o.BaseEndpoint = aws.String(endpoints.STS.ValueString())
		}
	})
	return stscreds.NewAssumeRoleProvider(stsClient, m.RoleARN.ValueString(), func(o *stscreds.AssumeRoleOptions) {
		o.RoleSessionName = defaultAssumeRoleSession
		if v := m.SessionName.ValueString(); v != "" {
			o.RoleSessionName = v
		}
		if v := m.ExternalID.ValueString(); v != "" {
			o.ExternalID = aws.String(v)
		}
		o.Duration = duration
	}), diags
}

// unknownArguments lists provider arguments whose values are not known yet.
func (m providerModel) unknownArguments() []string {
	var out []string
	check := func(name string, v interface{ IsUnknown() bool }) {
		if v.IsUnknown() {
			out = append(out, name)
		}
	}
	check("region", m.Region)
	check("profile", m.Profile)
	check("access_key", m.AccessKey)
	check("secret_key", m.SecretKey)
	check("token", m.Token)
	check("max_retries", m.MaxRetries)
	check("requests_per_second", m.RequestsPerSecond)
	check("burst", m.Burst)
	if m.Endpoints != nil {
		check("endpoints.connectcases", m.Endpoints.ConnectCases)
		check("endpoints.connect", m.Endpoints.Connect)
		check("endpoints.sts", m.Endpoints.STS)
	}
	if m.AssumeRole != nil {
		check("assume_role.role_arn", m.AssumeRole.RoleARN)
	}
	if m.DefaultTags != nil {
		for k, v := range m.DefaultTags.Tags {
			check("default_tags.tags."+k, v)
		}
	}
	return out
}

func stringValues(in []types.String) []string {
	out := make([]string, 0, len(in))
	for _, v := range in {
		if s := v.ValueString(); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// retryBackoff replaces the SDK's back-off between retries; tests make it
// zero. Nil keeps the SDK's exponential back-off with jitter.
var retryBackoff retry.BackoffDelayer

// roleARNPattern is compiled when the schema is first built, not at
// program start.
var roleARNPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^arn:[a-z0-9-]+:iam::\d{12}:role/.+$`) })

var (
	pathAssumeRoleARN      = path.Root("assume_role").AtName("role_arn")
	pathAssumeRoleDuration = path.Root("assume_role").AtName("duration")
)
