package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `{"Action":"start","Package":"example.com/m/internal/cases"}
{"Action":"run","Package":"example.com/m/internal/cases","Test":"TestAccDomain_basic"}
{"Action":"output","Package":"example.com/m/internal/cases","Test":"TestAccDomain_basic","Output":"=== RUN   TestAccDomain_basic\n"}
{"Action":"run","Package":"example.com/m/internal/cases","Test":"TestAccDomain_basic/sub"}
{"Action":"pass","Package":"example.com/m/internal/cases","Test":"TestAccDomain_basic/sub"}
{"Action":"pass","Package":"example.com/m/internal/cases","Test":"TestAccDomain_basic"}
{"Action":"run","Package":"example.com/m/internal/cases","Test":"TestAccQuery"}
{"Action":"output","Package":"example.com/m/internal/cases","Test":"TestAccQuery","Output":"=== RUN   TestAccQuery\n"}
{"Action":"output","Package":"example.com/m/internal/cases","Test":"TestAccQuery","Output":"    testing_new.go:61: terraform query needs Terraform >= 1.14.0 | here\n"}
{"Action":"output","Package":"example.com/m/internal/cases","Test":"TestAccQuery","Output":"--- SKIP: TestAccQuery (0.01s)\n"}
{"Action":"skip","Package":"example.com/m/internal/cases","Test":"TestAccQuery"}
{"Action":"run","Package":"example.com/m/internal/cases","Test":"TestAccBroken"}
{"Action":"output","Package":"example.com/m/internal/cases","Test":"TestAccBroken","Output":"    broken_test.go:9: step 1: boom\n"}
{"Action":"fail","Package":"example.com/m/internal/cases","Test":"TestAccBroken"}
{"Action":"run","Package":"example.com/m/internal/cases","Test":"TestAccHung"}
{"Action":"fail","Package":"example.com/m/internal/cases"}
not json: a line go test printed itself
{"ImportPath":"example.com/m/internal/other [example.com/m/internal/other.test]","Action":"build-fail"}
`

func TestParse(t *testing.T) {
	res, err := parse(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	names := func(o []outcome) (s []string) {
		for _, x := range o {
			s = append(s, x.Name+": "+x.Reason)
		}
		return s
	}
	if got := names(res.Passed); len(got) != 1 || got[0] != "cases.TestAccDomain_basic: " {
		t.Errorf("passed = %q", got)
	}
	if got := names(res.Skipped); len(got) != 1 || got[0] != "cases.TestAccQuery: terraform query needs Terraform >= 1.14.0 | here" {
		t.Errorf("skipped = %q", got)
	}
	got := names(res.Failed)
	want := []string{
		"cases.TestAccBroken: step 1: boom",
		"cases.TestAccHung: did not finish (package timed out or panicked)",
		"other: build failed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("failed =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestRender(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "tofu.json")
	if err := os.WriteFile(log, []byte(sample), 0o600); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "manifest.tsv")
	if err := os.WriteFile(manifest, []byte(
		"OpenTofu v1.12.6\tsmoke\t"+log+"\t75\t\n"+
			"Terraform v1.15.9\tfull\t\t0\tbin/terraform-1.15.9 is missing: make terraform-latest\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	rows, err := readManifest(manifest)
	if err != nil {
		t.Fatal(err)
	}
	md := render("# Matrix", rows)
	for _, want := range []string{
		"| OpenTofu v1.12.6 | smoke | 1 | 3 | 1 | 1m15s |",
		"| Terraform v1.15.9 | not run | – | – | – | – |",
		"| OpenTofu v1.12.6 | `cases.TestAccQuery` | terraform query needs Terraform >= 1.14.0 \\| here |",
		"- Terraform v1.15.9: bin/terraform-1.15.9 is missing: make terraform-latest",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the table lacks %q:\n%s", want, md)
		}
	}
}
