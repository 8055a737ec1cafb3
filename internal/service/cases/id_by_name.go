package cases

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// idByName is the look-up by name of the singular data sources of domain
// children (cases_layout, cases_template, cases_case_rule): the ID of the
// entity named name among the domain's summaries that list returns, or ""
// with an error added, on the name attribute when no entity has the name.
// kind is the entity in words ("layout", "case rule"); the data source
// that lists them all is cases_<kind with underscores>s.
func idByName[T any](diags *diag.Diagnostics, domainID, name, kind string, list func() ([]T, error), nameAndID func(T) (string, string)) string {
	words := strings.Fields(kind)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	title := "Cases " + strings.Join(words, " ")
	found, err := list()
	if err != nil {
		addError(diags, "listing", title+"s", "domain "+domainID, err, "")
		return ""
	}
	for _, summary := range found {
		if n, id := nameAndID(summary); n == name {
			return id
		}
	}
	diags.AddAttributeError(path.Root("name"), title+" not found",
		fmt.Sprintf("Domain %s has no %s named %q (deleted %ss are not listed). Check the name, or read the %ss with the cases_%ss data source.",
			domainID, kind, name, kind, kind, strings.ReplaceAll(kind, " ", "_")))
	return ""
}
