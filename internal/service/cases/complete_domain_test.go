package cases_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// completeDomainResources is how many resources examples/complete-domain
// declares.
const completeDomainResources = 19

// TestAccCompleteDomain_example applies examples/complete-domain as written
// (less its terraform and provider blocks, which the harness supplies),
// checks that a second plan is empty, and destroys it.
func TestAccCompleteDomain_example(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("complete")
	config := completeDomainConfig(t, tg, domainName, `default_tags { tags = { managed_by = "terraform" } }`)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) error {
					if n := len(s.RootModule().Resources); n != completeDomainResources {
						return fmt.Errorf("state holds %d resources, want %d", n, completeDomainResources)
					}
					return nil
				},
			},
			{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
