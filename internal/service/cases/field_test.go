package cases_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const fieldAddress = "cases_field.test"

var (
	fieldARNPattern = regexp.MustCompile(`^arn:aws:cases:[a-z0-9-]+:\d{12}:domain/[0-9a-f-]{36}/field/[0-9a-f-]{36}$`)
	fieldIDPattern  = regexp.MustCompile(`^[0-9a-f-]{36}$`)
)

func TestAccField_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(domainName) + `
resource "cases_field" "test" {
  domain_id   = cases_domain.test.domain_id
  name        = "Policy number"
  type        = "Text"
  description = "The customer's insurance policy"
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  checkAPIField(tg, fieldAddress, "Policy number", types.FieldTypeText, "The customer's insurance policy"),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("name"), knownvalue.StringExact("Policy number")),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("type"), knownvalue.StringExact("Text")),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("namespace"), knownvalue.StringExact("Custom")),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("field_id"), knownvalue.StringRegexp(fieldIDPattern)),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("field_arn"), knownvalue.StringRegexp(fieldARNPattern)),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("created_time"), knownvalue.StringRegexp(rfc3339UTCPattern)),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("last_modified_time"), knownvalue.StringRegexp(rfc3339UTCPattern)),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("tags"), knownvalue.Null()),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{})),
					statecheck.CompareValuePairs(fieldAddress, tfjsonpath.New("domain_id"), domainAddress, tfjsonpath.New("domain_id"), compare.ValuesSame()),
				},
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				ResourceName:      fieldAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				ResourceName:      fieldAddress,
				ImportState:       true,
				ImportStateIdFunc: stateAttribute(fieldAddress, "field_arn"),
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccField_update(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	field := func(name, fieldType, description string) string {
		return tg.ProviderConfig("") + configDomain(domainName) + configField(name, fieldType, description)
	}
	var firstID string

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: field("Priority", "Number", ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIField(tg, fieldAddress, "Priority", types.FieldTypeNumber, ""),
					func(s *terraform.State) error {
						firstID = s.RootModule().Resources[fieldAddress].Primary.Attributes["field_id"]
						return nil
					},
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("description"), knownvalue.Null()),
				},
			},
			{
				// Name and description change in place.
				Config: field("Urgency", "Number", "How soon the customer needs an answer"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldAddress, plancheck.ResourceActionUpdate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIField(tg, fieldAddress, "Urgency", types.FieldTypeNumber, "How soon the customer needs an answer"),
					resource.TestCheckResourceAttrWith(fieldAddress, "field_id", func(id string) error {
						if id != firstID {
							return fmt.Errorf("field_id changed from %s to %s on an in-place update", firstID, id)
						}
						return nil
					}),
				),
			},
			{
				// Removing the description clears it in the API.
				Config: field("Urgency", "Number", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkAPIField(tg, fieldAddress, "Urgency", types.FieldTypeNumber, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("description"), knownvalue.Null()),
				},
			},
			{
				// A new type replaces the field.
				Config: field("Urgency", "SingleSelect", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIField(tg, fieldAddress, "Urgency", types.FieldTypeSingleSelect, ""),
					checkFieldDeletedInAPI(tg, func() string { return firstID }),
				),
			},
		},
	})
}

func TestAccField_tags(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	defaultTags := `default_tags {
    tags = {
      managed_by = "terraform"
    }
  }`
	config := func(provider, tags string) string {
		return tg.ProviderConfig(provider) + configDomain(domainName) + fmt.Sprintf(`
resource "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  name      = "Tagged"
  type      = "Boolean"
  %s
}
`, tags)
	}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config("", `tags = { env = "test" }`),
				Check:  checkAPIFieldTags(tg, fieldAddress, map[string]string{"env": "test"}),
			},
			{
				Config: config(defaultTags, `tags = { env = "prod", team = "claims" }`),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldAddress, plancheck.ResourceActionUpdate)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("tags"), knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("prod"), "team": knownvalue.StringExact("claims"),
					})),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("tags_all"), knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("prod"), "team": knownvalue.StringExact("claims"), "managed_by": knownvalue.StringExact("terraform"),
					})),
				},
				Check: checkAPIFieldTags(tg, fieldAddress, map[string]string{"env": "prod", "team": "claims", "managed_by": "terraform"}),
			},
			{
				Config: config(defaultTags, ""),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("tags"), knownvalue.Null()),
				},
				Check: checkAPIFieldTags(tg, fieldAddress, map[string]string{"managed_by": "terraform"}),
			},
			{
				Config: config(defaultTags, ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccField_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Short-lived", "Url", ""),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIField(tg, fieldAddress, "Short-lived", types.FieldTypeUrl, ""),
					deleteFieldOutsideTerraform(tg, fieldAddress),
				),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccField_importBlock(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	// A domain and a field made outside Terraform are adopted with import
	// blocks.
	domainID := createActiveDomain(t, tg, domainName)
	out, err := tg.Client.CreateField(context.Background(), &connectcases.CreateFieldInput{
		DomainId: aws.String(domainID), Name: aws.String("Made by hand"), Type: types.FieldTypeDateTime,
	})
	if err != nil {
		t.Fatalf("creating the field to import: %v", err)
	}
	imports := fmt.Sprintf(`
import {
  to = cases_domain.test
  id = %q
}

import {
  to = cases_field.test
  id = "%s,%s"
}
`, domainID, domainID, aws.ToString(out.FieldId))

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + imports + configDomain(domainName) + configField("Made by hand", "DateTime", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldAddress, plancheck.ResourceActionNoop)},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("field_id"), knownvalue.StringExact(aws.ToString(out.FieldId))),
					statecheck.ExpectKnownValue(fieldAddress, tfjsonpath.New("type"), knownvalue.StringExact("DateTime")),
				},
			},
		},
	})
}

func TestAccField_importSystemFieldFails(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{Config: tg.ProviderConfig("") + configDomain(domainName)},
			{
				Config:       tg.ProviderConfig("") + configDomain(domainName) + configField("Status", "SingleSelect", ""),
				ResourceName: fieldAddress,
				ImportState:  true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					id, err := primaryID(s, domainAddress)
					return id + ",status", err
				},
				ExpectError: outputPattern("Cannot manage a system field", "status", "is a system field", "cases_field data source"),
			},
		},
	})
}

func TestAccField_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	cases := []struct {
		name, config, attribute string
		rule                    []string
	}{
		{"empty name", `name = ""` + "\n  type = \"Text\"", "name", []string{"must be between 1 and 100 characters long (the API counts Unicode characters); got 0"}},
		{"long name", fmt.Sprintf("name = %q\n  type = \"Text\"", strings.Repeat("n", 101)), "name", []string{"must be between 1 and 100 characters long (the API counts Unicode characters); got 101"}},
		{"trailing space", `name = "Priority "` + "\n  type = \"Text\"", "name", []string{"does not end with white space"}},
		{"unknown type", `name = "Priority"` + "\n  type = \"Currency\"", "type", []string{"must be one of:", "SingleSelect"}},
		{"empty description", `name = "Priority"` + "\n  type = \"Text\"\n  description = \"\"", "description", []string{"between 1 and 255 characters", "got 0"}},
		{"long description", fmt.Sprintf("name = \"Priority\"\n  type = \"Text\"\n  description = %q", strings.Repeat("d", 256)), "description", []string{"must be between 1 and 255 characters long", "got 256"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config:      tg.ProviderConfig("") + fmt.Sprintf("resource \"cases_field\" \"test\" {\n  domain_id = \"d\"\n  %s\n}\n", c.config),
			PlanOnly:    true,
			ExpectError: outputPattern(append([]string{"with cases_field.test", c.attribute}, c.rule...)...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("invalid fields reached the API: %d requests, want none", n)
	}
}

func TestAccField_nameConflict(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(domainName),
				Check: func(s *terraform.State) error {
					domainID, err := primaryID(s, domainAddress)
					if err != nil {
						return err
					}
					_, err = tg.Client.CreateField(context.Background(), &connectcases.CreateFieldInput{
						DomainId: aws.String(domainID), Name: aws.String("Taken"), Type: types.FieldTypeText,
					})
					return err
				},
			},
			{
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configField("Taken", "Text", ""),
				ExpectError: outputPattern("Cases Field name already in use", "terraform import"),
			},
			{
				// A system field's name is taken as well.
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configField("Title", "Text", ""),
				ExpectError: outputPattern("Cases Field name already in use", "system field title", "Choose another name"),
			},
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Mine", "Text", ""),
			},
			{
				// Renaming to a name in use fails and keeps the field as it was.
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configField("Taken", "Text", ""),
				ExpectError: outputPattern("updating Cases Field", "Field names are unique in a domain", "choose another name"),
			},
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Mine", "Text", ""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: checkAPIField(tg, fieldAddress, "Mine", types.FieldTypeText, ""),
			},
		},
	})
}

// fieldInUse answers DeleteField with the ConflictException the API sends
// for a field that layouts or templates still use, while enabled.
type fieldInUse struct {
	enabled atomic.Bool
}

func (f *fieldInUse) BeforeOperation(_ context.Context, call emulator.Call) error {
	if call.Operation == "DeleteField" && f.enabled.Load() {
		return emulator.NewAPIError(emulator.CodeConflict, "Field 'Policy number' is still used by layout 'Claims' (layout-1). Remove it from them before deleting it.")
	}
	return nil
}

func (f *fieldInUse) AfterOperation(context.Context, emulator.Call, error) error { return nil }

func TestAccField_deleteInUse(t *testing.T) {
	inUse := &fieldInUse{}
	inUse.enabled.Store(true)
	tg := acctest.NewTarget(t, func(o *emulator.Options) { o.Faults = inUse })
	tg.RequireEmulator(t)
	domainName := acctest.RandomName("domain")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Policy number", "Text", ""),
			},
			{
				Config:      tg.ProviderConfig("") + configDomain(domainName),
				ExpectError: outputPattern("deleting Cases Field", "still used by layout 'Claims' (layout-1)", "Remove it from those layouts and templates first"),
			},
			{
				// Once nothing uses it, the field goes.
				PreConfig: func() { inUse.enabled.Store(false) },
				Config:    tg.ProviderConfig("") + configDomain(domainName),
				Check: func(s *terraform.State) error {
					if _, ok := s.RootModule().Resources[fieldAddress]; ok {
						return fmt.Errorf("%s still in state", fieldAddress)
					}
					return nil
				},
			},
		},
	})
}

func TestAccFieldDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := tg.ProviderConfig("") + configDomain(domainName) + configField("Policy number", "Text", "The policy") + `
data "cases_field" "by_id" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field.test.field_id
}

data "cases_field" "by_name" {
  domain_id  = cases_domain.test.domain_id
  name       = "Policy number"
  depends_on = [cases_field.test]
}

data "cases_field" "status" {
  domain_id = cases_domain.test.domain_id
  field_id  = "status"
}

data "cases_field" "title" {
  domain_id = cases_domain.test.domain_id
  name      = "Title"
}
`
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.CompareValuePairs("data.cases_field.by_id", tfjsonpath.New("field_arn"), fieldAddress, tfjsonpath.New("field_arn"), compare.ValuesSame()),
					statecheck.CompareValuePairs("data.cases_field.by_name", tfjsonpath.New("field_id"), fieldAddress, tfjsonpath.New("field_id"), compare.ValuesSame()),
					statecheck.ExpectKnownValue("data.cases_field.by_id", tfjsonpath.New("name"), knownvalue.StringExact("Policy number")),
					statecheck.ExpectKnownValue("data.cases_field.by_id", tfjsonpath.New("description"), knownvalue.StringExact("The policy")),
					statecheck.ExpectKnownValue("data.cases_field.by_name", tfjsonpath.New("namespace"), knownvalue.StringExact("Custom")),
					statecheck.ExpectKnownValue("data.cases_field.by_name", tfjsonpath.New("created_time"), knownvalue.StringRegexp(rfc3339UTCPattern)),
					statecheck.ExpectKnownValue("data.cases_field.status", tfjsonpath.New("name"), knownvalue.StringExact("Status")),
					statecheck.ExpectKnownValue("data.cases_field.status", tfjsonpath.New("type"), knownvalue.StringExact("SingleSelect")),
					statecheck.ExpectKnownValue("data.cases_field.status", tfjsonpath.New("namespace"), knownvalue.StringExact("System")),
					statecheck.ExpectKnownValue("data.cases_field.title", tfjsonpath.New("field_id"), knownvalue.StringExact("title")),
					statecheck.ExpectKnownValue("data.cases_field.title", tfjsonpath.New("type"), knownvalue.StringExact("Text")),
				},
			},
		},
	})
}

func TestAccFieldDataSource_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config:      tg.ProviderConfig("") + `data "cases_field" "test" { domain_id = "d" }`,
				ExpectError: outputPattern("Exactly one of these attributes must be configured: [field_id,name]"),
			},
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + `
data "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  name      = "No such field"
}
`,
				ExpectError: outputPattern(`No field named "No such field" exists in Cases domain`),
			},
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + `
data "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  field_id  = "no-such-field"
}
`,
				ExpectError: outputPattern("No field no-such-field exists in Cases domain"),
			},
		},
	})
}

func TestAccFieldsDataSource_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	// 13 system fields and 90 custom ones: more than one ListFields page
	// (100), so the data source must page.
	const custom, system = 90, 13
	config := tg.ProviderConfig("") + configDomain(domainName) + fmt.Sprintf(`
resource "cases_field" "many" {
  count     = %d
  domain_id = cases_domain.test.domain_id
  name      = format("custom-%%02d", count.index)
  type      = "Number"
}

data "cases_fields" "all" {
  domain_id  = cases_domain.test.domain_id
  depends_on = [cases_field.many]
}
`, custom)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.cases_fields.all", tfjsonpath.New("fields"), knownvalue.ListSizeExact(system+custom)),
					statecheck.ExpectKnownValue("data.cases_fields.all", tfjsonpath.New("field_ids"), knownvalue.ListSizeExact(system+custom)),
					statecheck.ExpectKnownValue("data.cases_fields.all", tfjsonpath.New("fields").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"field_id": knownvalue.StringExact("assigned_queue"), "namespace": knownvalue.StringExact("System"),
					})),
				},
				Check: func(s *terraform.State) error {
					attrs := s.RootModule().Resources["data.cases_fields.all"].Primary.Attributes
					customs := 0
					for i := range system + custom {
						if attrs[fmt.Sprintf("fields.%d.namespace", i)] == "Custom" {
							customs++
						}
					}
					if customs != custom {
						return fmt.Errorf("cases_fields lists %d custom fields, want %d", customs, custom)
					}
					return nil
				},
			},
		},
	})
}

func configField(name, fieldType, description string) string {
	desc := ""
	if description != "" {
		desc = fmt.Sprintf("\n  description = %q", description)
	}
	return fmt.Sprintf(`
resource "cases_field" "test" {
  domain_id = cases_domain.test.domain_id
  name      = %q
  type      = %q%s
}
`, name, fieldType, desc)
}

// fieldIDs returns the domain and field ids of a cases_field in state.
func fieldIDs(s *terraform.State, address string) (domainID, fieldID string, err error) {
	rs, ok := s.RootModule().Resources[address]
	if !ok || rs.Primary == nil {
		return "", "", fmt.Errorf("%s not in state", address)
	}
	return rs.Primary.Attributes["domain_id"], rs.Primary.Attributes["field_id"], nil
}

func getAPIField(tg *acctest.Target, domainID, fieldID string) (*types.GetFieldResponse, error) {
	out, err := tg.Client.BatchGetField(context.Background(), &connectcases.BatchGetFieldInput{
		DomainId: aws.String(domainID), Fields: []types.FieldIdentifier{{Id: aws.String(fieldID)}},
	})
	if err != nil {
		return nil, err
	}
	if len(out.Fields) != 1 {
		return nil, fmt.Errorf("BatchGetField(%s) found no field (errors %+v)", fieldID, out.Errors)
	}
	return &out.Fields[0], nil
}

// checkAPIField asserts what the API holds for the field in state.
func checkAPIField(tg *acctest.Target, address, name string, fieldType types.FieldType, description string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, fieldID, err := fieldIDs(s, address)
		if err != nil {
			return err
		}
		f, err := getAPIField(tg, domainID, fieldID)
		if err != nil {
			return err
		}
		if f.Deleted || aws.ToString(f.Name) != name || f.Type != fieldType || aws.ToString(f.Description) != description || f.Namespace != types.FieldNamespaceCustom {
			return fmt.Errorf("API field = deleted %t, %q %s %q %s; want %q %s %q Custom",
				f.Deleted, aws.ToString(f.Name), f.Type, aws.ToString(f.Description), f.Namespace, name, fieldType, description)
		}
		return nil
	}
}

func checkAPIFieldTags(tg *acctest.Target, address string, want map[string]string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, fieldID, err := fieldIDs(s, address)
		if err != nil {
			return err
		}
		f, err := getAPIField(tg, domainID, fieldID)
		if err != nil {
			return err
		}
		if got := aws.ToStringMap(f.Tags); fmt.Sprint(got) != fmt.Sprint(want) {
			return fmt.Errorf("API tags = %v, want %v", got, want)
		}
		return nil
	}
}

// checkFieldDeletedInAPI asserts that a field replaced by Terraform is
// deleted (the API keeps deleted fields readable, marked deleted).
func checkFieldDeletedInAPI(tg *acctest.Target, fieldID func() string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, _, err := fieldIDs(s, fieldAddress)
		if err != nil {
			return err
		}
		f, err := getAPIField(tg, domainID, fieldID())
		if err != nil {
			return err
		}
		if !f.Deleted {
			return fmt.Errorf("the replaced field %s is not deleted", fieldID())
		}
		return nil
	}
}

func deleteFieldOutsideTerraform(tg *acctest.Target, address string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, fieldID, err := fieldIDs(s, address)
		if err != nil {
			return err
		}
		_, err = tg.Client.DeleteField(context.Background(), &connectcases.DeleteFieldInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID)})
		return err
	}
}

// createActiveDomain creates a domain through the API, outside Terraform,
// and returns its id once it is Active. A failed or slow activation ends the
// test; the bound is generous so that it only stops a run that is stuck.
func createActiveDomain(t *testing.T, tg *acctest.Target, name string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Minute)
	defer cancel()
	out, err := tg.Client.CreateDomain(ctx, &connectcases.CreateDomainInput{Name: aws.String(name)})
	if err != nil {
		t.Fatalf("creating domain %s: %v", name, err)
	}
	for {
		got, err := tg.Client.GetDomain(ctx, &connectcases.GetDomainInput{DomainId: out.DomainId})
		if err != nil {
			t.Fatalf("reading domain %s: %v", name, err)
		}
		switch got.DomainStatus {
		case types.DomainStatusActive:
			return aws.ToString(out.DomainId)
		case types.DomainStatusCreationFailed:
			t.Fatalf("domain %s ended %s", name, got.DomainStatus)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("domain %s not Active: %v", name, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}
