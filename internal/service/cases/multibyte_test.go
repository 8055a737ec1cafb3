package cases_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-cases/terraform-provider-cases/internal/acctest"
)

// japaneseName is a name of exactly n characters, each three bytes in
// UTF-8: a random tail in full-width hex digits (unique per run, as domain
// names must be on AWS) after "サポート案件" repeated.
func japaneseName(n int) string {
	random := acctest.RandomName("x")
	var suffix []rune
	for _, r := range random[strings.LastIndex(random, "-")+1:] { // lower-case hex
		if r >= 'a' {
			suffix = append(suffix, 'ａ'+(r-'a'))
		} else {
			suffix = append(suffix, '０'+(r-'0'))
		}
	}
	body := []rune(strings.Repeat("サポート案件", n))[:n-len(suffix)]
	return string(body) + string(suffix)
}

// TestAccMultibyte_names: a 100-character name in Japanese (300 bytes)
// plans and applies for every named entity, and 101 characters fails at
// plan with a message that counts characters. The model counts lengths in
// characters (code points); a byte count would refuse these names.
func TestAccMultibyte_names(t *testing.T) {
	tg := acctest.NewTarget(t)
	name := japaneseName(100)
	if n, b := utf8.RuneCountInString(name), len(name); n != 100 || b != 300 {
		t.Fatalf("test name: %d characters, %d bytes; want 100 and 300", n, b)
	}
	other := func(prefix string) string { return prefix + name[len(prefix)*3:] } // 100 characters still
	long := name + "長"

	config := func(domain, field, optionName, layout, rule, template string) string {
		return tg.ProviderConfig("") + configDomain(domain) + configField(field, "SingleSelect", "") +
			configFieldOptions([]option{{optionName, "v1", true}}) +
			configLayout(layout, fmt.Sprintf("    top_panel = [{ name = %q, field_ids = [cases_field.test.field_id] }]", layout), "") +
			configCaseRule(rule, "    default_value = false\n    conditions = []", "") +
			configTemplate(fmt.Sprintf("  name = %q", template))
	}
	good := config(name, other("田"), other("択"), other("画"), other("則"), other("型"))
	tooLong := map[string]string{
		"cases_domain.test":        config(long, other("田"), other("択"), other("画"), other("則"), other("型")),
		"cases_field.test":         config(name, long, other("択"), other("画"), other("則"), other("型")),
		"cases_field_options.test": config(name, other("田"), long, other("画"), other("則"), other("型")),
		"cases_layout.test":        config(name, other("田"), other("択"), long, other("則"), other("型")),
		"cases_case_rule.test":     config(name, other("田"), other("択"), other("画"), long, other("型")),
		"cases_template.test":      config(name, other("田"), other("択"), other("画"), other("則"), long),
	}

	steps := []resource.TestStep{{
		Config: good,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownValue("cases_domain.test", tfjsonpath.New("name"), knownvalue.StringExact(name)),
			statecheck.ExpectKnownValue("cases_field.test", tfjsonpath.New("name"), knownvalue.StringExact(other("田"))),
			statecheck.ExpectKnownValue("cases_layout.test", tfjsonpath.New("name"), knownvalue.StringExact(other("画"))),
			statecheck.ExpectKnownValue("cases_case_rule.test", tfjsonpath.New("name"), knownvalue.StringExact(other("則"))),
			statecheck.ExpectKnownValue("cases_template.test", tfjsonpath.New("name"), knownvalue.StringExact(other("型"))),
			statecheck.ExpectKnownValue("cases_field_options.test", tfjsonpath.New("options"), knownvalue.SetExact([]knownvalue.Check{
				knownvalue.ObjectExact(map[string]knownvalue.Check{
					"name": knownvalue.StringExact(other("択")), "value": knownvalue.StringExact("v1"), "active": knownvalue.Null(),
				}),
			})),
		},
	}}
	for _, address := range []string{"cases_domain.test", "cases_field.test", "cases_field_options.test", "cases_layout.test", "cases_case_rule.test", "cases_template.test"} {
		steps = append(steps, resource.TestStep{
			Config:      tooLong[address],
			PlanOnly:    true,
			ExpectError: outputPattern("with "+address, "characters long (the API counts Unicode characters); got 101"),
		})
	}
	// Last, the good configuration again: the destroy after the test runs
	// with the configuration of the last step.
	steps = append(steps, resource.TestStep{Config: good, PlanOnly: true})
	resource.ParallelTest(t, resource.TestCase{
		PreCheck:                 func() { acctest.PreCheck(t) },
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             checkDomainsDestroyed(tg, name),
		Steps:                    steps,
	})
}
