package cases_test

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	connecttypes "github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const (
	instanceAssociationAddress = "cases_instance_association.test"
	instanceAssociationData    = "data.cases_instance_association.test"
)

// configTwoDomains declares domains "a" and "b".
func configTwoDomains(nameA, nameB string) string {
	return fmt.Sprintf(`
resource "cases_domain" "a" {
  name = %q
}

resource "cases_domain" "b" {
  name = %q
}
`, nameA, nameB)
}

// configInstanceAssociation associates domain (a or b) with instanceID.
func configInstanceAssociation(instanceID, domain string) string {
	return fmt.Sprintf(`
resource "cases_instance_association" "test" {
  instance_id = %q
  domain_arn  = cases_domain.%s.domain_arn
}
`, instanceID, domain)
}

func TestAccInstanceAssociation_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceID, "a") + `
data "cases_instance_association" "test" {
  instance_id = cases_instance_association.test.instance_id
}
`

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             resource.ComposeAggregateTestCheckFunc(checkNoCasesDomainAssociation(tg, instanceID), checkDomainsDestroyed(tg, nameA, nameB)),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIInstanceAssociation(tg, instanceAssociationAddress, "cases_domain.a"),
					resource.TestCheckResourceAttr(instanceAssociationAddress, "instance_id", instanceID),
					resource.TestCheckResourceAttrPair(instanceAssociationAddress, "domain_arn", "cases_domain.a", "domain_arn"),
					resource.TestMatchResourceAttr(instanceAssociationAddress, "id", regexp.MustCompile("^"+regexp.QuoteMeta(instanceID)+",[^,]+$")),
					resource.TestMatchResourceAttr(instanceAssociationAddress, "association_arn",
						regexp.MustCompile(`^arn:aws:connect:[a-z0-9-]+:\d{12}:instance/`+regexp.QuoteMeta(instanceID)+`/integration-association/.+$`)),
					resource.TestCheckResourceAttrPair(instanceAssociationData, "domain_arn", "cases_domain.a", "domain_arn"),
					resource.TestCheckResourceAttrPair(instanceAssociationData, "association_id", instanceAssociationAddress, "association_id"),
					resource.TestCheckResourceAttrPair(instanceAssociationData, "association_arn", instanceAssociationAddress, "association_arn"),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

// The instance given by its ARN: the API gets the ID, state keeps the ARN,
// and nothing drifts.
func TestAccInstanceAssociation_instanceARN(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	described, err := tg.Connect.DescribeInstance(context.Background(), &connect.DescribeInstanceInput{InstanceId: aws.String(instanceID)})
	if err != nil {
		t.Fatal(err)
	}
	instanceARN := aws.ToString(described.Instance.Arn)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceARN, "a")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNoCasesDomainAssociation(tg, instanceID),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIInstanceAssociation(tg, instanceAssociationAddress, "cases_domain.a"),
					resource.TestCheckResourceAttr(instanceAssociationAddress, "instance_id", instanceARN),
					resource.TestMatchResourceAttr(instanceAssociationAddress, "id", regexp.MustCompile("^"+regexp.QuoteMeta(instanceID)+",")),
				),
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccInstanceAssociation_import(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceID, "a")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNoCasesDomainAssociation(tg, instanceID),
		Steps: []resource.TestStep{
			{Config: config},
			// INSTANCE_ID,ASSOCIATION_ID
			{ResourceName: instanceAssociationAddress, ImportState: true, ImportStateVerify: true},
			// The association ARN.
			{ResourceName: instanceAssociationAddress, ImportState: true, ImportStateVerify: true, ImportStateIdFunc: stateAttribute(instanceAssociationAddress, "association_arn")},
			{
				ResourceName:  instanceAssociationAddress,
				ImportState:   true,
				ImportStateId: "arn:aws:connect:eu-central-1:111122223333:instance/" + instanceID + "/integration-association/x",
				ExpectError:   regexp.MustCompile(`(?s)is in region eu-central-1 but the provider is\s+configured for`),
			},
			{
				ResourceName:  instanceAssociationAddress,
				ImportState:   true,
				ImportStateId: instanceID,
				ExpectError:   regexp.MustCompile(`(?s)expected INSTANCE_ID,ASSOCIATION_ID or an integration\s+association ARN`),
			},
		},
	})
}

func TestAccInstanceAssociation_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNoCasesDomainAssociation(tg, instanceID),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceID, "a"),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIInstanceAssociation(tg, instanceAssociationAddress, "cases_domain.a"),
					deleteInstanceAssociationOutsideTerraform(tg, instanceAssociationAddress),
				),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// An instance already associated with another domain: the create is
// refused before any write, naming the instance and the domain it has.
func TestAccInstanceAssociation_oneDomainPerInstance(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	domains := tg.ProviderConfig("") + configTwoDomains(nameA, nameB)
	var domainA string

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, nameA, nameB),
		Steps: []resource.TestStep{
			{
				Config: domains,
				Check: func(s *terraform.State) error {
					domainA = s.RootModule().Resources["cases_domain.a"].Primary.Attributes["domain_arn"]
					// Associated outside this configuration.
					_, err := tg.Connect.CreateIntegrationAssociation(context.Background(), &connect.CreateIntegrationAssociationInput{
						InstanceId: aws.String(instanceID), IntegrationType: connecttypes.IntegrationTypeCasesDomain, IntegrationArn: aws.String(domainA),
					})
					return err
				},
			},
			{
				Config: domains + configInstanceAssociation(instanceID, "b"),
				ExpectError: outputPattern("Amazon Connect instance already has a Cases domain",
					"Amazon Connect instance "+instanceID+" is already associated with the Cases domain arn:aws:cases:",
					"an instance can have only one Cases domain"),
			},
			{
				// The same domain, associated outside: refused with the
				// import command rather than silently adopted.
				Config:      domains + configInstanceAssociation(instanceID, "a"),
				ExpectError: outputPattern("Cases domain already associated", "terraform import cases_instance_association.NAME "+instanceID+","),
			},
			{
				Config: domains,
				Check: func(*terraform.State) error {
					found, err := listCasesDomainAssociations(tg, instanceID)
					if err != nil {
						return err
					}
					if len(found) != 1 || aws.ToString(found[0].IntegrationArn) != domainA {
						return fmt.Errorf("associations = %v, want only the one made outside Terraform, for %s", found, domainA)
					}
					return nil
				},
			},
		},
	})
}

// Changing domain_arn replaces the association: the old one is deleted
// before the new one is created, as one domain per instance requires.
func TestAccInstanceAssociation_swapDomain(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	domains := tg.ProviderConfig("") + configTwoDomains(nameA, nameB)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkNoCasesDomainAssociation(tg, instanceID),
		Steps: []resource.TestStep{
			{
				Config: domains + configInstanceAssociation(instanceID, "a"),
				Check:  checkAPIInstanceAssociation(tg, instanceAssociationAddress, "cases_domain.a"),
			},
			{
				Config: domains + configInstanceAssociation(instanceID, "b"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(instanceAssociationAddress, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIInstanceAssociation(tg, instanceAssociationAddress, "cases_domain.b"),
					func(*terraform.State) error {
						found, err := listCasesDomainAssociations(tg, instanceID)
						if err != nil {
							return err
						}
						if len(found) != 1 {
							return fmt.Errorf("%d Cases domain associations after the swap, want 1", len(found))
						}
						return nil
					},
				),
			},
		},
	})
}

// The instance deleted outside Terraform takes its associations with it:
// refresh drops the association from state, and destroy succeeds.
func TestAccInstanceAssociation_instanceDeleted(t *testing.T) {
	tg := acctest.NewTarget(t)
	tg.RequireEmulator(t) // deletes the instance
	instanceID := tg.ConnectInstance(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceID, "a")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, nameA, nameB),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(*terraform.State) error {
					_, err := tg.Connect.DeleteInstance(context.Background(), &connect.DeleteInstanceInput{InstanceId: aws.String(instanceID)})
					return err
				},
				ExpectNonEmptyPlan: true,
			},
			{
				// Refresh only: the association leaves state, nothing fails.
				RefreshState: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("cases_domain.a", "name", nameA),
					func(s *terraform.State) error {
						if _, ok := s.RootModule().Resources[instanceAssociationAddress]; ok {
							return fmt.Errorf("%s is still in state after its instance was deleted", instanceAssociationAddress)
						}
						return nil
					},
				),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// A CreateIntegrationAssociation whose answer is lost after the commit
// (a 500 the SDK retries into DuplicateResourceException, or a dropped
// connection) ends with the association in state, exactly one in the API.
func TestAccInstanceAssociation_lostCreateAnswer(t *testing.T) {
	for _, then := range []string{emulator.FaultThenError, emulator.FaultThenDrop} {
		t.Run(then, func(t *testing.T) {
			tg := acctest.NewTarget(t)
			tg.RequireEmulator(t)
			instanceID := tg.ConnectInstance(t)
			if err := tg.Emulator.SetFaults(emulator.FaultConfig{Rules: []emulator.FaultRule{{
				Operations: []string{"CreateIntegrationAssociation"}, Probability: 1, Times: 1,
				Action: emulator.FaultCommitThenFail, Then: then,
			}}}); err != nil {
				t.Fatal(err)
			}
			nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
			config := tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + configInstanceAssociation(instanceID, "a")

			resource.ParallelTest(t, resource.TestCase{
				PreCheck:                 func() { acctest.PreCheck(t) },
				ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
				CheckDestroy:             checkNoCasesDomainAssociation(tg, instanceID),
				Steps: []resource.TestStep{
					{
						Config: config,
						Check: resource.ComposeAggregateTestCheckFunc(
							func(*terraform.State) error {
								if fired := tg.Emulator.Faults().Total(); fired != 1 {
									return fmt.Errorf("the fault fired %d times, want 1", fired)
								}
								found, err := listCasesDomainAssociations(tg, instanceID)
								if err != nil {
									return err
								}
								if len(found) != 1 {
									return fmt.Errorf("%d associations after a lost answer, want exactly 1", len(found))
								}
								return nil
							},
							checkAPIInstanceAssociation(tg, instanceAssociationAddress, "cases_domain.a"),
						),
					},
					{
						Config:           config,
						ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
					},
				},
			})
		})
	}
}

func TestAccInstanceAssociation_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	nameA, nameB := acctest.RandomName("domain"), acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configTwoDomains(nameA, nameB) + `
resource "cases_instance_association" "test" {
  instance_id = "arn:aws:connect:us-west-2:111122223333:user/x"
  domain_arn  = "arn:aws:connect:us-west-2:111122223333:instance/x"
}
`,
				PlanOnly:    true,
				ExpectError: outputPattern("is not an Amazon Connect instance ARN", "is not a Cases domain ARN"),
			},
			{
				Config: tg.ProviderConfig("") + `
data "cases_instance_association" "test" {
  instance_id = "00000000-0000-4000-8000-000000000000"
}
`,
				ExpectError: regexp.MustCompile(`Amazon Connect instance not found`),
			},
		},
	})
}

// An instance without a Cases domain: the data source reads null, not an
// error.
func TestAccInstanceAssociationDataSource_none(t *testing.T) {
	tg := acctest.NewTarget(t)
	instanceID := tg.ConnectInstance(t)
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: tg.ProviderConfig("") + fmt.Sprintf(`
data "cases_instance_association" "test" {
  instance_id = %q
}
`, instanceID),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(instanceAssociationData, tfjsonpath.New("domain_arn"), knownvalue.Null()),
				statecheck.ExpectKnownValue(instanceAssociationData, tfjsonpath.New("association_id"), knownvalue.Null()),
				statecheck.ExpectKnownValue(instanceAssociationData, tfjsonpath.New("id"), knownvalue.StringExact(instanceID)),
			},
		}},
	})
}

func listCasesDomainAssociations(tg *acctest.Target, instanceID string) ([]connecttypes.IntegrationAssociationSummary, error) {
	var out []connecttypes.IntegrationAssociationSummary
	pages := connect.NewListIntegrationAssociationsPaginator(tg.Connect, &connect.ListIntegrationAssociationsInput{
		InstanceId: aws.String(instanceID), IntegrationType: connecttypes.IntegrationTypeCasesDomain,
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(context.Background())
		if err != nil {
			return nil, err
		}
		out = append(out, page.IntegrationAssociationSummaryList...)
	}
	return out, nil
}

// checkAPIInstanceAssociation asserts that the association in state exists
// in the API, for the domain of domainAddress.
func checkAPIInstanceAssociation(tg *acctest.Target, address, domainAddress string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[address]
		if !ok {
			return fmt.Errorf("%s not in state", address)
		}
		instanceID, associationID, _ := strings.Cut(rs.Primary.ID, ",")
		wantDomain := s.RootModule().Resources[domainAddress].Primary.Attributes["domain_arn"]
		found, err := listCasesDomainAssociations(tg, instanceID)
		if err != nil {
			return err
		}
		for _, a := range found {
			if aws.ToString(a.IntegrationAssociationId) == associationID {
				if got := aws.ToString(a.IntegrationArn); got != wantDomain {
					return fmt.Errorf("association %s is for %s, want %s", associationID, got, wantDomain)
				}
				return nil
			}
		}
		return fmt.Errorf("association %s not found on instance %s (have %d)", associationID, instanceID, len(found))
	}
}

// checkNoCasesDomainAssociation asserts that the instance has no Cases
// domain left (or is gone).
func checkNoCasesDomainAssociation(tg *acctest.Target, instanceID string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		found, err := listCasesDomainAssociations(tg, instanceID)
		var notFound *connecttypes.ResourceNotFoundException
		if errors.As(err, &notFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if len(found) != 0 {
			return fmt.Errorf("instance %s still has %d Cases domain association(s) after destroy", instanceID, len(found))
		}
		return nil
	}
}

func deleteInstanceAssociationOutsideTerraform(tg *acctest.Target, address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := primaryID(s, address)
		if err != nil {
			return err
		}
		instanceID, associationID, _ := strings.Cut(id, ",")
		_, err = tg.Connect.DeleteIntegrationAssociation(context.Background(), &connect.DeleteIntegrationAssociationInput{
			InstanceId: aws.String(instanceID), IntegrationAssociationId: aws.String(associationID),
		})
		return err
	}
}
