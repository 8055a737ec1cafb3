package cases_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
	"github.com/connect-cases/terraform-provider-cases/internal/emulator"
)

const fieldOptionsAddress = "cases_field_options.test"

// fieldResourceIDPattern matches DOMAIN_ID,FIELD_ID.
var fieldResourceIDPattern = regexp.MustCompile(`^[0-9a-f-]{36},[0-9a-f-]{36}$`)

// option is one declared option: name, value, active.
type option struct {
	name, value string
	active      bool
}

func TestAccFieldOptions_basic(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	options := []option{{"Car", "car", true}, {"Home", "home", true}, {"Travel", "travel", true}}
	config := tg.ProviderConfig("") + configDomain(domainName) + configField("Policy type", "SingleSelect", "") + configFieldOptions(options)

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check:  checkAPIOptions(tg, fieldOptionsAddress, options),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(options)),
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("id"), knownvalue.StringRegexp(fieldResourceIDPattern)),
				},
			},
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// Import by DOMAIN_ID,FIELD_ID, the id.
				ResourceName:      fieldOptionsAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Import by the field's ARN.
				ResourceName:      fieldOptionsAddress,
				ImportState:       true,
				ImportStateIdFunc: stateAttribute(fieldAddress, "field_arn"),
				ImportStateVerify: true,
			},
		},
	})
}

func TestAccFieldOptions_update(t *testing.T) {
	puts := &operationCounter{operation: "BatchPutFieldOptions"}
	tg := acctest.NewTarget(t, func(o *emulator.Options) { o.Faults = puts })
	domainName := acctest.RandomName("domain")
	config := func(options []option) string {
		return tg.ProviderConfig("") + configDomain(domainName) + configField("Channel", "SingleSelect", "") + configFieldOptions(options)
	}
	first := []option{{"Email", "email", true}, {"Phone", "phone", true}, {"Chat", "chat", true}}
	// Rename phone, make email inactive, drop chat, add web.
	second := []option{{"Email", "email", false}, {"Telephone", "phone", true}, {"Web form", "web", true}}
	// The same options in another order.
	reordered := []option{{"Web form", "web", true}, {"Telephone", "phone", true}, {"Email", "email", false}}
	// chat comes back: the inactive option is made active again, not duplicated.
	third := []option{{"Web form", "web", true}, {"Telephone", "phone", true}, {"Email", "email", false}, {"Chat again", "chat", true}}
	var putsBefore int64

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config(first),
				Check:  checkAPIOptions(tg, fieldOptionsAddress, first),
			},
			{
				Config: config(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldOptionsAddress, plancheck.ResourceActionUpdate)},
				},
				// The API keeps chat, inactive, in creation order; state
				// holds exactly the declared list.
				Check: checkAPIOptions(tg, fieldOptionsAddress, []option{
					{"Email", "email", false}, {"Telephone", "phone", true}, {"Chat", "chat", false}, {"Web form", "web", true},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(second)),
				},
			},
			{
				Config: config(second),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				// The API gives options no order: a reorder plans nothing
				// (never a rename) and writes nothing.
				PreConfig: func() { putsBefore = puts.count.Load() },
				Config:    config(reordered),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(reordered)),
				},
				Check: func(*terraform.State) error {
					if n := puts.count.Load() - putsBefore; n != 0 && tg.Emulator != nil {
						return fmt.Errorf("reordering made %d BatchPutFieldOptions calls, want none", n)
					}
					return nil
				},
			},
			{
				Config: config(reordered),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
			{
				Config: config(third),
				Check: checkAPIOptions(tg, fieldOptionsAddress, []option{
					{"Email", "email", false}, {"Telephone", "phone", true}, {"Chat again", "chat", true}, {"Web form", "web", true},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(third)),
				},
			},
			{
				Config: config([]option{{"Web form", "web", true}, {"Telephone", "phone", true}}),
				Check: checkAPIOptions(tg, fieldOptionsAddress, []option{
					{"Email", "email", false}, {"Telephone", "phone", true}, {"Chat again", "chat", false}, {"Web form", "web", true},
				}),
			},
		},
	})
}

func TestAccFieldOptions_drift(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	options := []option{{"Low", "low", true}, {"Medium", "medium", true}, {"High", "high", true}}
	config := tg.ProviderConfig("") + configDomain(domainName) + configField("Severity", "SingleSelect", "") + configFieldOptions(options)
	var domainID, fieldID string

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config,
				Check: func(s *terraform.State) (err error) {
					domainID, fieldID, err = fieldIDs(s, fieldAddress)
					return err
				},
			},
			{
				// Outside Terraform: medium renamed, high made inactive, a
				// new option added. The plan shows it; apply puts it back.
				PreConfig: func() {
					putOptionsOutsideTerraform(t, tg, domainID, fieldID,
						option{"Moderate", "medium", true}, option{"High", "high", false}, option{"Critical", "critical", true})
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldOptionsAddress, plancheck.ResourceActionUpdate)},
				},
				Check: checkAPIOptions(tg, fieldOptionsAddress, []option{
					{"Low", "low", true}, {"Medium", "medium", true}, {"High", "high", true}, {"Critical", "critical", false},
				}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(options)),
				},
			},
			{
				// An option Terraform removed and someone made active again
				// is drift too.
				PreConfig: func() {
					putOptionsOutsideTerraform(t, tg, domainID, fieldID, option{"Critical", "critical", true})
				},
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(fieldOptionsAddress, "options.#", "4"),
					resource.TestCheckTypeSetElemNestedAttrs(fieldOptionsAddress, "options.*", map[string]string{"value": "critical", "name": "Critical"}),
				),
			},
			{
				Config: config,
				Check: checkAPIOptions(tg, fieldOptionsAddress, []option{
					{"Low", "low", true}, {"Medium", "medium", true}, {"High", "high", true}, {"Critical", "critical", false},
				}),
			},
		},
	})
}

func TestAccFieldOptions_disappears(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	options := []option{{"Yes", "yes", true}, {"No", "no", true}}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				// The field is deleted outside Terraform: its options go
				// from state with it, and the next plan recreates both.
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Consent", "SingleSelect", "") + configFieldOptions(options),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIOptions(tg, fieldOptionsAddress, options),
					deleteFieldOutsideTerraform(tg, fieldAddress),
				),
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

func TestAccFieldOptions_destroy(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	options := []option{{"Yes", "yes", true}, {"No", "no", true}}
	withOptions := tg.ProviderConfig("") + configDomain(domainName) + configField("Consent", "SingleSelect", "") + configFieldOptions(options)
	withoutOptions := tg.ProviderConfig("") + configDomain(domainName) + configField("Consent", "SingleSelect", "")

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{Config: withOptions},
			{
				// Destroying the resource makes every option inactive:
				// the API cannot delete options.
				Config: withoutOptions,
				Check:  checkAPIOptions(tg, fieldAddress, []option{{"Yes", "yes", false}, {"No", "no", false}}),
			},
			{
				// Declaring them again makes them active again.
				Config: withOptions,
				Check:  checkAPIOptions(tg, fieldOptionsAddress, options),
			},
		},
	})
}

func TestAccFieldOptions_notSingleSelect(t *testing.T) {
	puts := &operationCounter{operation: "BatchPutFieldOptions"}
	tg := acctest.NewTarget(t, func(o *emulator.Options) { o.Faults = puts })
	domainName := acctest.RandomName("domain")
	textField := tg.ProviderConfig("") + configDomain(domainName) + configField("Notes", "Text", "")
	options := configFieldOptions([]option{{"A", "a", true}})

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{Config: textField},
			{
				// The field exists, so the plan fails.
				Config:      textField + options,
				PlanOnly:    true,
				ExpectError: outputPattern("Field is not single-select", "with cases_field_options.test", `Field "Notes"`, "is of type Text", "Only fields of type SingleSelect have options"),
			},
			{
				// A field created in the same apply is checked before any
				// option is written.
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Notes", "Text", "") + `
resource "cases_field" "other" {
  domain_id = cases_domain.test.domain_id
  name      = "Opened on"
  type      = "DateTime"
}

resource "cases_field_options" "test" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field.other.field_id
  options   = [{ name = "A", value = "a" }]
}
`,
				ExpectError: outputPattern("Field is not single-select", `Field "Opened on"`, "is of type DateTime"),
				Check: func(*terraform.State) error {
					if n := puts.count.Load(); n != 0 && tg.Emulator != nil {
						return fmt.Errorf("%d BatchPutFieldOptions calls for a field that is not single-select, want none", n)
					}
					return nil
				},
			},
			{
				// A field that does not exist fails the plan too.
				Config: tg.ProviderConfig("") + configDomain(domainName) + `
resource "cases_field_options" "test" {
  domain_id = cases_domain.test.domain_id
  field_id  = "no-such-field"
  options   = [{ name = "A", value = "a" }]
}
`,
				PlanOnly:    true,
				ExpectError: outputPattern("Cases Field not found", "Field no-such-field does not exist in Cases domain"),
			},
		},
	})
}

func TestAccFieldOptions_validation(t *testing.T) {
	tg := acctest.NewTarget(t)
	many := make([]option, 501)
	for i := range many {
		many[i] = option{fmt.Sprintf("Option %d", i), fmt.Sprintf("o%d", i), true}
	}
	cases := []struct {
		name    string
		options []option
		phrases []string
	}{
		{"duplicate value", []option{{"Car", "car", true}, {"Auto", "car", true}},
			[]string{"Duplicate value", "with cases_field_options.test", `value "car" appears more than once in options`}},
		{"empty name", []option{{"", "car", true}}, []string{"with cases_field_options.test", "name must be between 1 and 100 characters long", "got 0"}},
		{"trailing space in value", []option{{"Car", "car ", true}}, []string{"with cases_field_options.test", "value must match the API pattern", "does not end with white space"}},
		{"long value", []option{{"Car", strings.Repeat("v", 101), true}}, []string{"with cases_field_options.test", "value must be between 1 and 100 characters long", "got 101"}},
		{"too many", many, []string{"options", "set must contain at most 500 elements, got: 501"}},
	}
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, resource.TestStep{
			Config: tg.ProviderConfig("") + strings.NewReplacer(
				"cases_domain.test.domain_id", `"d"`, "cases_field.test.field_id", `"f"`).Replace(configFieldOptions(c.options)),
			PlanOnly:    true,
			ExpectError: outputPattern(c.phrases...),
		})
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps:                    steps,
	})
	if n := tg.APIRequests(); n > 0 {
		t.Errorf("invalid options reached the API: %d requests, want none", n)
	}
}

// configFieldOptions declares the options of cases_field.test. An inactive
// option says active = false; an active one leaves active to its default.
func configFieldOptions(options []option) string {
	var b strings.Builder
	b.WriteString(`
resource "cases_field_options" "test" {
  domain_id = cases_domain.test.domain_id
  field_id  = cases_field.test.field_id
  options = [
`)
	for _, o := range options {
		active := ""
		if !o.active {
			active = ", active = false"
		}
		fmt.Fprintf(&b, "    { name = %q, value = %q%s },\n", o.name, o.value, active)
	}
	b.WriteString("  ]\n}\n")
	return b.String()
}

// optionsValue is the options attribute holding exactly these options.
func optionsValue(options []option) knownvalue.Check {
	checks := make([]knownvalue.Check, len(options))
	for i, o := range options {
		// The configurations leave active out for an active option.
		var active knownvalue.Check = knownvalue.Null()
		if !o.active {
			active = knownvalue.Bool(false)
		}
		checks[i] = knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name":   knownvalue.StringExact(o.name),
			"value":  knownvalue.StringExact(o.value),
			"active": active,
		})
	}
	return knownvalue.SetExact(checks)
}

// checkAPIOptions asserts every option the API holds for the field of the
// resource at address (cases_field or cases_field_options), inactive ones
// included, in any order: options have no position in the API, and the
// provider writes a set.
func checkAPIOptions(tg *acctest.Target, address string, want []option) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, fieldID, err := fieldIDs(s, address)
		if err != nil {
			return err
		}
		got, err := apiOptions(tg, domainID, fieldID)
		if err != nil {
			return err
		}
		byValue := func(options []option) []option {
			sorted := slices.Clone(options)
			slices.SortFunc(sorted, func(a, b option) int { return strings.Compare(a.value, b.value) })
			return sorted
		}
		if fmt.Sprint(byValue(got)) != fmt.Sprint(byValue(want)) {
			return fmt.Errorf("API options of %s = %v, want %v", fieldID, got, want)
		}
		return nil
	}
}

func apiOptions(tg *acctest.Target, domainID, fieldID string) ([]option, error) {
	var got []option
	pages := connectcases.NewListFieldOptionsPaginator(tg.Client, &connectcases.ListFieldOptionsInput{
		DomainId: aws.String(domainID), FieldId: aws.String(fieldID),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(context.Background())
		if err != nil {
			return nil, err
		}
		for _, o := range page.Options {
			got = append(got, option{aws.ToString(o.Name), aws.ToString(o.Value), aws.ToBool(o.Active)})
		}
	}
	return got, nil
}

// putOptionsOutsideTerraform changes options behind Terraform's back.
func putOptionsOutsideTerraform(t *testing.T, tg *acctest.Target, domainID, fieldID string, options ...option) {
	t.Helper()
	in := &connectcases.BatchPutFieldOptionsInput{DomainId: aws.String(domainID), FieldId: aws.String(fieldID)}
	for _, o := range options {
		in.Options = append(in.Options, types.FieldOption{Name: aws.String(o.name), Value: aws.String(o.value), Active: aws.Bool(o.active)})
	}
	out, err := tg.Client.BatchPutFieldOptions(context.Background(), in)
	if err != nil {
		t.Fatalf("putting options outside Terraform: %v", err)
	}
	if len(out.Errors) > 0 {
		t.Fatalf("putting options outside Terraform: %+v", out.Errors)
	}
}

// operationCounter counts the calls of one operation the emulator serves.
type operationCounter struct {
	operation string
	count     atomic.Int64
}

func (c *operationCounter) BeforeOperation(_ context.Context, call emulator.Call) error {
	if call.Operation == c.operation {
		c.count.Add(1)
	}
	return nil
}

func (c *operationCounter) AfterOperation(context.Context, emulator.Call, error) error { return nil }

func TestAccFieldOptions_systemFields(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	systemOptions := func(fieldID string, options []option) string {
		return strings.Replace(configFieldOptions(options), "cases_field.test.field_id", strconv.Quote(fieldID), 1)
	}
	reasons := []option{{"Billing question", "billing", true}, {"Damaged item", "damaged", true}}
	statuses := []option{{"Open", "open", true}, {"Pending customer", "pending", true}, {"Closed", "closed", true}}

	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				// case_reason takes options like any single-select field.
				Config: tg.ProviderConfig("") + configDomain(domainName) + systemOptions("case_reason", reasons),
				Check:  checkAPIOptions(tg, fieldOptionsAddress, reasons),
			},
			{
				ResourceName:      fieldOptionsAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// status keeps open and closed; options can be added.
				Config: tg.ProviderConfig("") + configDomain(domainName) + systemOptions("status", statuses),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIOptions(tg, fieldOptionsAddress, []option{{"Open", "open", true}, {"Closed", "closed", true}, {"Pending customer", "pending", true}}),
					// The case_reason options were destroyed: inactive.
					func(s *terraform.State) error {
						domainID, err := primaryID(s, domainAddress)
						if err != nil {
							return err
						}
						got, err := apiOptions(tg, domainID, "case_reason")
						if err != nil {
							return err
						}
						if want := []option{{"Billing question", "billing", false}, {"Damaged item", "damaged", false}}; fmt.Sprint(got) != fmt.Sprint(want) {
							return fmt.Errorf("case_reason options after destroy = %v, want %v", got, want)
						}
						return nil
					},
				),
			},
			{
				// Leaving out a fixed option of status is refused, by name.
				Config:      tg.ProviderConfig("") + configDomain(domainName) + systemOptions("status", statuses[:2]),
				ExpectError: outputPattern("Cases refused some field options", "closed:", "cannot be renamed or made inactive", "system field status keeps open and closed"),
			},
		},
	})
}

// numberedOptions returns options value o<from>..o<to-1>, all active.
func numberedOptions(from, to int) []option {
	var out []option
	for i := from; i < to; i++ {
		out = append(out, option{fmt.Sprintf("Option %03d", i), fmt.Sprintf("o%03d", i), true})
	}
	return out
}

func TestAccFieldOptions_many(t *testing.T) {
	puts := &operationCounter{operation: "BatchPutFieldOptions"}
	tg := acctest.NewTarget(t, func(o *emulator.Options) { o.Faults = puts })
	domainName := acctest.RandomName("domain")
	config := func(options []option) string {
		return tg.ProviderConfig("") + configDomain(domainName) + configField("Product", "SingleSelect", "") + configFieldOptions(options)
	}
	// 120 options: three BatchPutFieldOptions calls (50 a call) and two
	// ListFieldOptions pages (100 a page).
	all := numberedOptions(0, 120)
	var putsBefore int64
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: config(all),
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIOptions(tg, fieldOptionsAddress, all),
					func(*terraform.State) error {
						if n := puts.count.Load(); tg.Emulator != nil && n != 3 {
							return fmt.Errorf("%d BatchPutFieldOptions calls for 120 options, want 3", n)
						}
						return nil
					},
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(all)),
				},
			},
			{
				ResourceName:      fieldOptionsAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Keep the last 30: 90 options made inactive, two calls.
				PreConfig: func() { putsBefore = puts.count.Load() },
				Config:    config(all[90:]),
				Check: resource.ComposeAggregateTestCheckFunc(
					func(s *terraform.State) error {
						domainID, fieldID, err := fieldIDs(s, fieldOptionsAddress)
						if err != nil {
							return err
						}
						got, err := apiOptions(tg, domainID, fieldID)
						if err != nil {
							return err
						}
						active := 0
						for _, o := range got {
							if o.active {
								active++
							}
						}
						if len(got) != 120 || active != 30 {
							return fmt.Errorf("API holds %d options, %d active; want 120, 30 active", len(got), active)
						}
						return nil
					},
					func(*terraform.State) error {
						if n := puts.count.Load() - putsBefore; tg.Emulator != nil && n != 2 {
							return fmt.Errorf("%d BatchPutFieldOptions calls to make 90 options inactive, want 2", n)
						}
						return nil
					},
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), optionsValue(all[90:])),
				},
			},
		},
	})
}

func TestAccFieldOptions_quota(t *testing.T) {
	tg := acctest.NewTarget(t, func(o *emulator.Options) { o.Runtime.Quotas.OptionsPerField = 60 })
	tg.RequireEmulator(t)
	domainName := acctest.RandomName("domain")
	config := func(options []option) string {
		return tg.ProviderConfig("") + configDomain(domainName) + configField("Product", "SingleSelect", "") + configFieldOptions(options)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				// The first 50 fit, the next batch does not: the apply
				// fails with the reason, and state holds what was written.
				Config:      config(numberedOptions(0, 70)),
				ExpectError: outputPattern("putting Cases Field Options", "inactive ones count too"),
			},
			{
				Config:             config(numberedOptions(0, 70)),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				// Inactive options count: 40 new values on top of 50 old ones
				// do not fit either, even though only 40 would be active.
				Config:      config(numberedOptions(100, 140)),
				ExpectError: outputPattern("putting Cases Field Options", "ServiceQuotaExceeded", "inactive ones count too"),
			},
			{
				Config: config(numberedOptions(0, 60)),
				Check:  checkAPIOptionsCount(tg, 60),
			},
		},
	})
}

// checkAPIOptionsCount asserts how many options, active or not, the field of
// cases_field_options.test has in the API.
func checkAPIOptionsCount(tg *acctest.Target, want int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		domainID, fieldID, err := fieldIDs(s, fieldOptionsAddress)
		if err != nil {
			return err
		}
		got, err := apiOptions(tg, domainID, fieldID)
		if err != nil {
			return err
		}
		if len(got) != want {
			return fmt.Errorf("API holds %d options, want %d", len(got), want)
		}
		return nil
	}
}

func TestAccFieldOptions_empty(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	config := func(options []option) string {
		return tg.ProviderConfig("") + configDomain(domainName) + configField("Region", "SingleSelect", "") + configFieldOptions(options)
	}
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{Config: config([]option{{"North", "north", true}, {"South", "south", true}})},
			{
				// An empty list keeps the resource and retires every option.
				Config: config(nil),
				Check:  checkAPIOptions(tg, fieldOptionsAddress, []option{{"North", "north", false}, {"South", "south", false}}),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(fieldOptionsAddress, tfjsonpath.New("options"), knownvalue.SetExact([]knownvalue.Check{})),
				},
			},
			{
				Config: config(nil),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
			},
		},
	})
}

func TestAccFieldOptions_changeField(t *testing.T) {
	tg := acctest.NewTarget(t)
	domainName := acctest.RandomName("domain")
	options := []option{{"Gold", "gold", true}, {"Silver", "silver", true}}
	fields := `
resource "cases_field" "other" {
  domain_id = cases_domain.test.domain_id
  name      = "Tier"
  type      = "SingleSelect"
}
`
	onField := func(address string) string {
		return strings.Replace(configFieldOptions(options), "cases_field.test.field_id", address+".field_id", 1)
	}
	var firstField string
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, domainName),
		Steps: []resource.TestStep{
			{
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Level", "SingleSelect", "") + fields + onField("cases_field.test"),
				Check: func(s *terraform.State) (err error) {
					_, firstField, err = fieldIDs(s, fieldAddress)
					return err
				},
			},
			{
				// Moving the options to another field replaces the resource:
				// the first field's options become inactive.
				Config: tg.ProviderConfig("") + configDomain(domainName) + configField("Level", "SingleSelect", "") + fields + onField("cases_field.other"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectResourceAction(fieldOptionsAddress, plancheck.ResourceActionDestroyBeforeCreate)},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					checkAPIOptions(tg, "cases_field.other", options),
					func(s *terraform.State) error {
						domainID, err := primaryID(s, domainAddress)
						if err != nil {
							return err
						}
						got, err := apiOptions(tg, domainID, firstField)
						if err != nil {
							return err
						}
						if want := []option{{"Gold", "gold", false}, {"Silver", "silver", false}}; fmt.Sprint(got) != fmt.Sprint(want) {
							return fmt.Errorf("options left on the first field = %v, want %v", got, want)
						}
						return nil
					},
				),
			},
			{
				// The field the options are on becomes a Text field: the
				// field is replaced, and the options fail before any write,
				// saying why.
				Config:      tg.ProviderConfig("") + configDomain(domainName) + configField("Level", "SingleSelect", "") + strings.Replace(fields, `"SingleSelect"`, `"Text"`, 1) + onField("cases_field.other"),
				ExpectError: outputPattern("Field is not single-select", `Field "Tier"`, "is of type Text"),
			},
		},
	})
}
