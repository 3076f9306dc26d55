// Package eval holds what every stage's evaluation shares: counts of true
// and false positives, precision/recall/F1, and one report shape printed
// either as a table or as JSON. Each stage brings its own scorer (tokens.go,
// ner.go, timex.go, ...) that reads a gold set and fills a Report.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Add sums two counts.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Precision is TP / (TP + FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), 0 when there is no gold.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Score is one named line of a report.
type Score struct {
	Name string
	Counts
}

// Accuracy is a plain ratio with its counts (e.g. value accuracy over
// matched time expressions).
type Accuracy struct {
	Name           string
	Correct, Total int
	// Value overrides Correct/Total when set (for derived figures).
	Value *float64
}

// Ratio returns the accuracy as a fraction.
func (a Accuracy) Ratio() float64 {
	if a.Value != nil {
		return *a.Value
	}
	return ratio(a.Correct, a.Total)
}

// Report is the result of one evaluation run. Scores and accuracies keep the
// order in which they were added, so tables are stable.
type Report struct {
	Stage    string
	Dataset  string // what was scored (file or folder)
	Scores   []Score
	Accuracy []Accuracy
	Notes    []string // free text printed under the table (not in JSON)
}

// AddScore appends (or adds to) the score of that name.
func (r *Report) AddScore(name string, c Counts) {
	for i := range r.Scores {
		if r.Scores[i].Name == name {
			r.Scores[i].Counts.Add(c)
			return
		}
	}
	r.Scores = append(r.Scores, Score{Name: name, Counts: c})
}

// Score returns the score of that name (zero counts when absent).
func (r *Report) Score(name string) Counts {
	for _, s := range r.Scores {
		if s.Name == name {
			return s.Counts
		}
	}
	return Counts{}
}

// AddAccuracy appends an accuracy line.
func (r *Report) AddAccuracy(name string, correct, total int) {
	r.Accuracy = append(r.Accuracy, Accuracy{Name: name, Correct: correct, Total: total})
}

// AddAccuracyValue appends an accuracy line with a derived value.
func (r *Report) AddAccuracyValue(name string, v float64) {
	r.Accuracy = append(r.Accuracy, Accuracy{Name: name, Value: &v})
}

// AccuracyOf returns the ratio of the accuracy of that name (0 when absent).
func (r *Report) AccuracyOf(name string) float64 {
	for _, a := range r.Accuracy {
		if a.Name == name {
			return a.Ratio()
		}
	}
	return 0
}

// WriteTable prints the report as an aligned table.
func (r *Report) WriteTable(w io.Writer) error {
	var buf bytes.Buffer
	title := "eval " + r.Stage
	if r.Dataset != "" {
		title += " — " + r.Dataset
	}
	fmt.Fprintln(&buf, title)
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', tabwriter.AlignRight)
	if len(r.Scores) > 0 {
		fmt.Fprintln(tw, "score\tprecision\trecall\tF1\tTP\tFP\tFN\t")
		for _, s := range r.Scores {
			fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%d\t%d\t%d\t\n", s.Name, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
		}
	}
	if len(r.Accuracy) > 0 {
		if len(r.Scores) > 0 {
			fmt.Fprintln(tw, "\t\t\t\t\t\t\t")
		}
		fmt.Fprintln(tw, "accuracy\tvalue\tcorrect\ttotal\t\t\t\t")
		for _, a := range r.Accuracy {
			if a.Value != nil {
				fmt.Fprintf(tw, "%s\t%.4f\t\t\t\t\t\t\n", a.Name, a.Ratio())
			} else {
				fmt.Fprintf(tw, "%s\t%.4f\t%d\t%d\t\t\t\t\n", a.Name, a.Ratio(), a.Correct, a.Total)
			}
		}
	}
	tw.Flush()
	for _, n := range r.Notes {
		fmt.Fprintln(&buf, strings.TrimRight(n, "\n"))
	}
	_, err := w.Write(buf.Bytes())
	return err
}

type jsonScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
}

// orderedMap marshals its keys in insertion order.
type orderedMap struct {
	keys []string
	vals []any
}

func (m *orderedMap) set(k string, v any) { m.keys = append(m.keys, k); m.vals = append(m.vals, v) }

func (m *orderedMap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(m.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func round(f float64) float64 {
	return float64(int64(f*1e6+0.5)) / 1e6
}

// MarshalJSON gives the one shape every eval prints with --json:
// {"stage": ..., "scores": {name: {precision, recall, f1, tp, fp, fn}}, "accuracy": {name: ratio}}.
func (r *Report) MarshalJSON() ([]byte, error) {
	scores := &orderedMap{}
	for _, s := range r.Scores {
		scores.set(s.Name, jsonScore{round(s.Precision()), round(s.Recall()), round(s.F1()), s.TP, s.FP, s.FN})
	}
	acc := &orderedMap{}
	for _, a := range r.Accuracy {
		acc.set(a.Name, round(a.Ratio()))
	}
	top := &orderedMap{}
	top.set("stage", r.Stage)
	if r.Dataset != "" {
		top.set("dataset", r.Dataset)
	}
	top.set("scores", scores)
	top.set("accuracy", acc)
	return top.MarshalJSON()
}

// Write prints the report as JSON (one object and a newline) or as a table.
func (r *Report) Write(w io.Writer, asJSON bool) error {
	if !asJSON {
		return r.WriteTable(w)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
