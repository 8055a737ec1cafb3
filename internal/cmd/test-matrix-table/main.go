// Command test-matrix-table turns the `go test -json` logs of a CLI test
// matrix (scripts/test-matrix.sh) into one Markdown table: each CLI and
// version against the top-level tests passed, failed and skipped, followed
// by the reason for every skip and the name of every failure.
//
//	test-matrix-table [-o FILE] [-title TEXT] MANIFEST
//
// MANIFEST has one tab-separated line per CLI:
//
//	LABEL  SUITE  JSON_LOG  SECONDS  NOTE
//
// JSON_LOG is the `go test -json` output of that CLI's run; when it is empty
// the CLI did not run and NOTE says why. The table goes to stdout, and to
// FILE with -o.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	out := flag.String("o", "", "also write the Markdown to this file")
	title := flag.String("title", "", "text placed above the table (Markdown)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: %s [-o FILE] [-title TEXT] MANIFEST\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	rows, err := readManifest(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "test-matrix-table:", err)
		os.Exit(1)
	}
	md := render(*title, rows)
	fmt.Print(md)
	if *out != "" {
		if err := os.WriteFile(*out, []byte(md), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "test-matrix-table:", err)
			os.Exit(1)
		}
	}
}

// row is one CLI of the matrix.
type row struct {
	Label, Suite, Note string
	Ran                bool
	Duration           time.Duration
	Result             result
}

func readManifest(path string) ([]row, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows []row
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated fields, got %d", path, i+1, len(f))
		}
		r := row{Label: f[0], Suite: f[1], Note: f[4]}
		if secs, err := strconv.Atoi(f[3]); err == nil {
			r.Duration = time.Duration(secs) * time.Second
		}
		if f[2] != "" {
			file, err := os.Open(f[2])
			if err != nil {
				return nil, err
			}
			r.Result, err = parse(file)
			file.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f[2], err)
			}
			r.Ran = true
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// event is one line of `go test -json` (test2json).
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
	// ImportPath is set on build-output and build-fail events.
	ImportPath string
}

// outcome of one top-level test.
type outcome struct {
	Name   string // package.Test, package shortened to its last element
	Reason string // skip reason, or for a failure its last message
}

type result struct {
	Passed, Failed, Skipped []outcome
}

// locationPrefix is what testing puts before a t.Log/t.Skip message:
// "    domain_test.go:42: ".
var locationPrefix = regexp.MustCompile(`^\s*[\w.-]+\.go:\d+: `)

// parse reads a `go test -json` stream and classifies its top-level tests.
// A test that started and never ended (a timeout or panic of its package)
// counts as failed, as does a package that failed to build or failed outside
// any test.
func parse(r io.Reader) (result, error) {
	type state struct {
		action string
		output []string
	}
	tests := map[string]*state{}
	var order []string
	pkgFailed := map[string]bool{}
	buildFailed := map[string]bool{}
	var pkgOrder []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '{' {
			continue // go test's own non-JSON lines (e.g. a build error)
		}
		var e event
		if err := json.Unmarshal(line, &e); err != nil {
			continue
		}
		if e.Action == "build-fail" {
			// "example.com/m/pkg [example.com/m/pkg.test]"
			path, _, _ := strings.Cut(e.ImportPath, " ")
			buildFailed[path] = true
			continue
		}
		if e.Test == "" {
			if e.Action == "fail" {
				if !pkgFailed[e.Package] {
					pkgOrder = append(pkgOrder, e.Package)
				}
				pkgFailed[e.Package] = true
			}
			continue
		}
		if strings.Contains(e.Test, "/") {
			continue // subtests count with their parent
		}
		key := short(e.Package) + "." + e.Test
		s := tests[key]
		if s == nil {
			s = &state{}
			tests[key] = s
			order = append(order, key)
		}
		switch e.Action {
		case "pass", "fail", "skip":
			s.action = e.Action
		case "output":
			s.output = append(s.output, e.Output)
		}
	}
	if err := sc.Err(); err != nil {
		return result{}, err
	}

	var res result
	failedIn := map[string]bool{}
	for _, key := range order {
		s := tests[key]
		o := outcome{Name: key}
		switch s.action {
		case "pass":
			res.Passed = append(res.Passed, o)
		case "skip":
			o.Reason = lastMessage(s.output)
			res.Skipped = append(res.Skipped, o)
		default: // "fail", or never ended
			o.Reason = lastMessage(s.output)
			if s.action == "" {
				o.Reason = "did not finish (package timed out or panicked)"
			}
			res.Failed = append(res.Failed, o)
			failedIn[key[:strings.LastIndex(key, ".")]] = true
		}
	}
	var broken []string
	for path := range buildFailed {
		broken = append(broken, path)
	}
	sort.Strings(broken)
	for _, path := range broken {
		if !pkgFailed[path] {
			pkgOrder = append(pkgOrder, path)
			pkgFailed[path] = true
		}
	}
	for _, pkg := range pkgOrder {
		if failedIn[short(pkg)] {
			continue // its failing tests already say so
		}
		reason := "package failed outside any test"
		if buildFailed[pkg] {
			reason = "build failed"
		}
		res.Failed = append(res.Failed, outcome{Name: short(pkg), Reason: reason})
	}
	return res, nil
}

// lastMessage returns the last line a test logged, without its file:line
// prefix, ignoring the lines go test itself prints (=== RUN, --- SKIP...).
func lastMessage(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimRight(lines[i], "\n")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		return strings.TrimSpace(locationPrefix.ReplaceAllString(l, ""))
	}
	return "(no message)"
}

func short(pkg string) string {
	return pkg[strings.LastIndex(pkg, "/")+1:]
}

func render(title string, rows []row) string {
	var b strings.Builder
	if title != "" {
		b.WriteString(title)
		b.WriteString("\n\n")
	}
	b.WriteString("| CLI | suite | passed | failed | skipped | time |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|\n")
	for _, r := range rows {
		if !r.Ran {
			fmt.Fprintf(&b, "| %s | %s | – | – | – | – |\n", r.Label, "not run")
			continue
		}
		fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %s |\n", r.Label, r.Suite,
			len(r.Result.Passed), len(r.Result.Failed), len(r.Result.Skipped), r.Duration)
	}

	section := func(heading string, pick func(row) []outcome) {
		var lines []string
		for _, r := range rows {
			for _, o := range pick(r) {
				lines = append(lines, fmt.Sprintf("| %s | `%s` | %s |", r.Label, o.Name, cell(o.Reason)))
			}
		}
		if len(lines) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n\n| CLI | test | reason |\n|---|---|---|\n%s\n", heading, strings.Join(lines, "\n"))
	}
	section("Skipped tests:", func(r row) []outcome { return sorted(r.Result.Skipped) })
	section("Failed tests:", func(r row) []outcome { return sorted(r.Result.Failed) })

	var notRun []string
	for _, r := range rows {
		if !r.Ran {
			notRun = append(notRun, fmt.Sprintf("- %s: %s", r.Label, r.Note))
		}
	}
	if len(notRun) > 0 {
		fmt.Fprintf(&b, "\nNot run:\n\n%s\n", strings.Join(notRun, "\n"))
	}
	return b.String()
}

func sorted(o []outcome) []outcome {
	o = append([]outcome(nil), o...)
	sort.Slice(o, func(i, j int) bool { return o[i].Name < o[j].Name })
	return o
}

// cell makes text safe for one Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
