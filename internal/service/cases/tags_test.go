package cases_test

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// A resource may repeat a default tag with the same value in its own tags:
// state must keep it in tags (as configured), or Terraform reports an
// inconsistent result after apply.
func TestAccField_tagsEqualToDefault(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	provider := tg.ProviderConfig(`  default_tags {
    tags = {
      managed_by = "terraform"
      team       = "support"
    }
  }`)
	config := func(tags string) string {
		return provider + configDomainTags(domainName, tags) + `
resource "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  name      = "Tagged"
  type      = "Text"
  tags      = { ` + tags + ` }
}
`
	}
	same := `managed_by = "terraform", env = "test"`
	tagsCheck := func(address string) []statecheck.StateCheck {
		return []statecheck.StateCheck{
			statecheck.ExpectKnownValue(address, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
				"managed_by": knownvalue.StringExact("terraform"), "env": knownvalue.StringExact("test"),
			})),
			statecheck.ExpectKnownValue(address, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
				"managed_by": knownvalue.StringExact("terraform"), "env": knownvalue.StringExact("test"), "team": knownvalue.StringExact("support"),
			})),
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config:            config(same),
				ConfigStateChecks: append(tagsCheck(fieldAddress), tagsCheck(domainAddress)...),
				Check:             checkAPIFieldTags(tg, fieldAddress, map[string]string{"managed_by": "terraform", "env": "test", "team": "support"}),
			},
			{
				Config: config(same),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Dropping the repeated key from tags keeps it in the API,
				// from default_tags.
				Config: config(`env = "test"`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("test"),
					})),
				},
				Check: checkAPIFieldTags(tg, fieldAddress, map[string]string{"managed_by": "terraform", "env": "test", "team": "support"}),
			},
			{
				Config: config(`env = "test"`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}
