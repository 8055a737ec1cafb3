// Package provider implements the "cases" Terraform provider: its schema,
// the AWS configuration built once in Configure, and the registry of
// resources and data sources.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/float64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-cases/terraform-provider-cases/internal/service/cases"
	"github.com/connect-cases/terraform-provider-cases/internal/validators"
)

// RegistryAddress is where Terraform finds this provider.
const RegistryAddress = "registry.terraform.io/connect-cases/cases"

var (
	_ provider.Provider                  = (*casesProvider)(nil)
	_ provider.ProviderWithListResources = (*casesProvider)(nil)
)

type casesProvider struct {
	version string
	commit  string
}

// New returns a constructor of the provider for providerserver.Serve and the
// acceptance tests.
func New(version, commit string) func() provider.Provider {
	return func() provider.Provider {
		return &casesProvider{version: version, commit: commit}
	}
}

func (p *casesProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "cases"
	resp.Version = p.version
}

func (p *casesProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Manages Amazon Connect Cases configuration. Credentials, region and endpoints are resolved as in every AWS tool: " +
			"arguments here first, then the standard `AWS_*` environment variables and shared config/credentials files.",
		Attributes: map[string]schema.Attribute{
			"region": schema.StringAttribute{
				MarkdownDescription: "AWS region, e.g. `us-west-2`. Defaults to `AWS_REGION`/`AWS_DEFAULT_REGION` or the profile's region.",
				Optional:            true,
				Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
			},
			"profile": schema.StringAttribute{
				MarkdownDescription: "Named profile from the shared config and credentials files. Defaults to `AWS_PROFILE`.",
				Optional:            true,
			},
			"access_key": schema.StringAttribute{
				MarkdownDescription: "AWS access key id. Must be set together with `secret_key`. Defaults to `AWS_ACCESS_KEY_ID`.",
				Optional:            true,
				Sensitive:           true,
			},
			"secret_key": schema.StringAttribute{
				MarkdownDescription: "AWS secret access key. Must be set together with `access_key`. Defaults to `AWS_SECRET_ACCESS_KEY`.",
				Optional:            true,
				Sensitive:           true,
			},
			"token": schema.StringAttribute{
				MarkdownDescription: "Session token for temporary credentials. Defaults to `AWS_SESSION_TOKEN`.",
				Optional:            true,
				Sensitive:           true,
			},
			"shared_config_files": schema.ListAttribute{
				MarkdownDescription: "Paths of shared config files. Defaults to `AWS_CONFIG_FILE` or `~/.aws/config`.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"shared_credentials_files": schema.ListAttribute{
				MarkdownDescription: "Paths of shared credentials files. Defaults to `AWS_SHARED_CREDENTIALS_FILE` or `~/.aws/credentials`.",
				ElementType:         types.StringType,
				Optional:            true,
				Validators:          []validator.List{listvalidator.SizeAtLeast(1)},
			},
			"max_retries": schema.Int64Attribute{
				MarkdownDescription: "How many times a throttled or failed request is retried, with exponential back-off and jitter. " +
					"When set, it wins over `AWS_MAX_ATTEMPTS` and the profile's `max_attempts`; when unset, those apply (as attempts, retries + 1); with neither, 25.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(0, 100)},
			},
			"requests_per_second": schema.Float64Attribute{
				MarkdownDescription: "Rate, in requests per second, at which this provider configuration sends each Cases API operation's requests. " +
					"The service counts every operation (CreateField, GetDomain, BatchGetField, ...) in a bucket of its own per account and Region, " +
					"so the provider keeps a rate limiter per operation, shared by every resource, status poll and retry of this configuration: requests leave at the rate " +
					"the account allows instead of being throttled and retried. A limiter slows down when the service throttles anyway (another tool spending the same " +
					"account's rate) and recovers gently. Unset: each operation's published default rate (2/s for CreateField and GetDomain, 8/s for BatchGetField, ...). " +
					"Set: this rate for every operation, for an account whose quotas were raised. `0` turns rate control off.",
				Optional:   true,
				Validators: []validator.Float64{float64validator.Between(0, 10000)},
			},
			"burst": schema.Int64Attribute{
				MarkdownDescription: "How many requests of one operation the service admits at once after a quiet spell (its bucket size). " +
					"Unset: each operation's published default burst (5 for CreateField and GetDomain, 25 for BatchGetField, ...); set: this burst for every operation. " +
					"The provider's own bucket is smaller by what the rate earns in 0.1 s, so that requests that reach the service up to 0.1 s closer together than they left are not throttled.",
				Optional:   true,
				Validators: []validator.Int64{int64validator.Between(1, 10000)},
			},
		},
		Blocks: map[string]schema.Block{
			"assume_role": schema.SingleNestedBlock{
				MarkdownDescription: "Assume an IAM role (through STS AssumeRole) with the credentials resolved above.",
				Attributes: map[string]schema.Attribute{
					"role_arn": schema.StringAttribute{
						MarkdownDescription: "ARN of the role to assume. Required when the block is present.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.RegexMatches(roleARNPattern(), "must be an IAM role ARN (arn:PARTITION:iam::ACCOUNT:role/NAME)")},
					},
					"session_name": schema.StringAttribute{
						MarkdownDescription: "Session name for the assumed role. Default `terraform-provider-cases`.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(2, 64)},
					},
					"external_id": schema.StringAttribute{
						MarkdownDescription: "External id the role's trust policy requires.",
						Optional:            true,
						Validators:          []validator.String{stringvalidator.LengthBetween(2, 1224)},
					},
					"duration": schema.StringAttribute{
						MarkdownDescription: "Session duration as a Go duration, e.g. `1h`, between 15m and 12h. Default 15m.",
						Optional:            true,
						Validators:          []validator.String{validators.DurationBetween(minAssumeRoleDuration, maxAssumeRoleDuration)},
					},
				},
			},
			"endpoints": schema.SingleNestedBlock{
				MarkdownDescription: "Custom service endpoints, e.g. the local Cases emulator. Defaults to `AWS_ENDPOINT_URL_CONNECTCASES` / `AWS_ENDPOINT_URL_CONNECT` / `AWS_ENDPOINT_URL_STS`.",
				Attributes: map[string]schema.Attribute{
					"connectcases": schema.StringAttribute{
						MarkdownDescription: "Endpoint URL of the Cases API, e.g. `http://127.0.0.1:4590`.",
						Optional:            true,
						Validators:          []validator.String{validators.HTTPURL()},
					},
					"connect": schema.StringAttribute{
						MarkdownDescription: "Endpoint URL of the Amazon Connect API, used by `cases_instance_association`, e.g. `http://127.0.0.1:4590` (the emulator serves both).",
						Optional:            true,
						Validators:          []validator.String{validators.HTTPURL()},
					},
					"sts": schema.StringAttribute{
						MarkdownDescription: "Endpoint URL of STS, used by `assume_role`.",
						Optional:            true,
						Validators:          []validator.String{validators.HTTPURL()},
					},
				},
			},
			"default_tags": schema.SingleNestedBlock{
				MarkdownDescription: "Tags applied to every resource that supports tags. A resource's own `tags` win on equal keys; the merge is exposed as `tags_all`.",
				Attributes: map[string]schema.Attribute{
					"tags": schema.MapAttribute{
						MarkdownDescription: "Map of tags.",
						ElementType:         types.StringType,
						Optional:            true,
					},
				},
			},
		},
	}
}

func (p *casesProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, diags := newClient(ctx, cfg, p.version)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.ResourceData = client
	resp.DataSourceData = client
	resp.ListResourceData = client
}

func (p *casesProvider) Resources(context.Context) []func() resource.Resource {
	return cases.Resources()
}

func (p *casesProvider) DataSources(context.Context) []func() datasource.DataSource {
	return cases.DataSources()
}

func (p *casesProvider) ListResources(context.Context) []func() list.ListResource {
	return cases.ListResources()
}
