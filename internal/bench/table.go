package bench

import (
	"fmt"
	"strings"
	"time"
)

// Status of a row against its goal.
const (
	Met    = "met"
	NotMet = "NOT MET"
	Info   = "info"
)

// Row is one figure of the table.
type Row struct {
	Figure   string
	Value    string
	Baseline string
	Ratio    string
	Goal     string
	Status   string
	Inputs   string
}

// FormatTable renders rows as a Markdown table, the form docs/benchmarks.md
// records.
func FormatTable(rows []Row) string {
	header := []string{"figure", "value", "baseline / anchor", "ratio", "goal", "status", "inputs"}
	var b strings.Builder
	b.WriteString("| " + strings.Join(header, " | ") + " |\n")
	b.WriteString("|" + strings.Repeat("---|", len(header)) + "\n")
	for _, r := range rows {
		cells := []string{r.Figure, r.Value, r.Baseline, r.Ratio, r.Goal, r.Status, r.Inputs}
		for i, c := range cells {
			if c == "" {
				c = "-"
			}
			cells[i] = strings.ReplaceAll(c, "|", `\|`)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return b.String()
}

// Seconds formats d in seconds with two decimals.
func Seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// Millis formats d in milliseconds with one decimal.
func Millis(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

// Ratio formats a/b with two decimals ("-" when b is zero).
func Ratio(a, b float64) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", a/b)
}

// Check returns Met when ok, else NotMet.
func Check(ok bool) string {
	if ok {
		return Met
	}
	return NotMet
}
