package eval

import (
	"context"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
)

// GoldTimex is one annotated time expression; Start and End are byte
// offsets into the document text (tags removed, entities decoded).
type GoldTimex struct {
	Start, End int
	Type       string
	Value      string
}

// TimexDoc is one annotated document of a TimeML (.tml) or TIMEX2
// (.key.xml) corpus.
type TimexDoc struct {
	Path    string
	Subset  string // the folder the file sits in (KRAUTS_DieZeit, ...)
	Text    string
	DCT     document.DCT
	Timexes []GoldTimex
	// Narrative is set for TIMEX2 (WikiWarsDE): its DATETIME is the download
	// date, not the time of the story, so it is not given to the tagger.
	Narrative bool
}

var attrRE = regexp.MustCompile(`([A-Za-z_:]+)\s*=\s*"([^"]*)"`)

func attrs(tag string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRE.FindAllStringSubmatch(tag, -1) {
		m[a[1]] = html.UnescapeString(a[2])
	}
	return m
}

// ReadTimexDoc reads a .tml (TIMEX3, KRAUTS layout) or .key.xml (TIMEX2,
// WikiWarsDE layout) file. Empty (self-closing) TIMEX tags are helper
// annotations and are skipped; nested TIMEX2 each count.
func ReadTimexDoc(path string) (*TimexDoc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	src := string(data)
	doc := &TimexDoc{Path: path, Subset: filepath.Base(filepath.Dir(path))}
	tag := "TIMEX3"
	if strings.HasSuffix(path, ".key.xml") || !strings.Contains(src, "<TIMEX3") && strings.Contains(src, "<TIMEX2") {
		tag = "TIMEX2"
		doc.Narrative = true
	}
	// The DCT (TimeML only; see Narrative).
	if i := strings.Index(src, "<DCT>"); i >= 0 && tag == "TIMEX3" {
		if j := strings.Index(src[i:], ">"); j >= 0 {
			rest := src[i+j+1:]
			if k := strings.Index(rest, "<TIMEX3"); k >= 0 {
				e := strings.Index(rest[k:], ">")
				a := attrs(rest[k : k+e])
				if t, p, err := corpus.ParseDate(a["value"]); err == nil {
					doc.DCT = document.DCT{Time: t, Precision: p, Origin: "metadata"}
				}
			}
		}
	}
	ts := strings.Index(src, "<TEXT>")
	te := strings.LastIndex(src, "</TEXT>")
	if ts < 0 || te < ts {
		return nil, fmt.Errorf("%s: no <TEXT> element", path)
	}
	body := src[ts+len("<TEXT>") : te]
	var b strings.Builder
	type open struct {
		start int
		a     map[string]string
	}
	var stack []open
	for i := 0; i < len(body); {
		c := body[i]
		if c == '<' {
			j := strings.IndexByte(body[i:], '>')
			if j < 0 {
				return nil, fmt.Errorf("%s: unclosed tag", path)
			}
			t := body[i+1 : i+j]
			i += j + 1
			name := strings.Fields(strings.TrimPrefix(strings.TrimSuffix(t, "/"), "/"))
			if len(name) == 0 || name[0] != tag {
				continue
			}
			switch {
			case strings.HasSuffix(t, "/"): // helper annotation
			case strings.HasPrefix(t, "/"):
				if len(stack) == 0 {
					return nil, fmt.Errorf("%s: </%s> without opening tag", path, tag)
				}
				o := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if b.Len() > o.start {
					doc.Timexes = append(doc.Timexes, goldTimex(o.start, b.Len(), o.a, tag))
				}
			default:
				stack = append(stack, open{b.Len(), attrs(t)})
			}
			continue
		}
		if c == '&' {
			if j := strings.IndexByte(body[i:], ';'); j > 0 && j < 10 {
				b.WriteString(html.UnescapeString(body[i : i+j+1]))
				i += j + 1
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	doc.Text = b.String()
	sort.SliceStable(doc.Timexes, func(a, c int) bool { return doc.Timexes[a].Start < doc.Timexes[c].Start })
	return doc, nil
}

func goldTimex(start, end int, a map[string]string, tag string) GoldTimex {
	g := GoldTimex{Start: start, End: end, Type: a["type"], Value: a["value"]}
	if tag == "TIMEX2" {
		g.Value = a["val"]
		g.Type = timex2Type(g.Value, a["set"] != "")
	}
	return g
}

// timex2Type derives a TIMEX3 type from a TIMEX2 value, which has none.
func timex2Type(v string, set bool) string {
	switch {
	case set:
		return "SET"
	case strings.HasPrefix(v, "P"):
		return "DURATION"
	case strings.Contains(v, "T") && !strings.Contains(v, "_REF"):
		return "TIME"
	}
	return "DATE"
}

var (
	dotTimeRE = regexp.MustCompile(`T([0-9]{2})\.([0-9]{2})`)
	wxxRE     = regexp.MustCompile(`WXX-0([1-7])`)
	partRE    = regexp.MustCompile(`-T(MO|MI|AF|EV|NI|DT)$`)
)

// NormValue smooths known quirks of the gold values (T20.30 for T20:30,
// 2014_07, PRESNT_REF, stray blanks) so that scoring compares meanings,
// not typing slips. It does not learn anything from the data.
func NormValue(v string) string {
	v = strings.ToUpper(strings.TrimSpace(v))
	v = dotTimeRE.ReplaceAllString(v, "T$1:$2")
	v = strings.ReplaceAll(v, "_", "-")
	v = strings.ReplaceAll(v, "PRESNT-REF", "PRESENT-REF")
	v = strings.ReplaceAll(v, "-REF", "_REF")
	v = wxxRE.ReplaceAllString(v, "WXX-$1") // XXXX-WXX-01 → XXXX-WXX-1
	v = partRE.ReplaceAllString(v, "T$1")   // XXXX-WXX-1-TEV → XXXX-WXX-1TEV
	return v
}

// TimexScore holds the counts of one evaluation.
type TimexScore struct {
	Gold, Sys          int
	Strict             int // exact span matches
	Relaxed            int // overlapping one-to-one matches
	TypeOK, ValueOK    int // over relaxed matches
	ByType             map[string]*Counts
	Misses, FalseAlarm []string // for --verbose
}

func newTimexScore() *TimexScore { return &TimexScore{ByType: map[string]*Counts{}} }

func (s *TimexScore) add(o *TimexScore) {
	s.Gold += o.Gold
	s.Sys += o.Sys
	s.Strict += o.Strict
	s.Relaxed += o.Relaxed
	s.TypeOK += o.TypeOK
	s.ValueOK += o.ValueOK
	for k, c := range o.ByType {
		if s.ByType[k] == nil {
			s.ByType[k] = &Counts{}
		}
		s.ByType[k].Add(*c)
	}
	s.Misses = append(s.Misses, o.Misses...)
	s.FalseAlarm = append(s.FalseAlarm, o.FalseAlarm...)
}

func (s *TimexScore) typ(t string) *Counts {
	if s.ByType[t] == nil {
		s.ByType[t] = &Counts{}
	}
	return s.ByType[t]
}

// ScoreTimexes compares system timexes with the gold of one document.
// Relaxed matching is one-to-one: each gold expression takes the unused
// system expression that overlaps it most.
func ScoreTimexes(doc *TimexDoc, sys []GoldTimex) *TimexScore {
	s := newTimexScore()
	s.Gold, s.Sys = len(doc.Timexes), len(sys)
	used := make([]bool, len(sys))
	for _, g := range doc.Timexes {
		best, bestOv := -1, 0
		for j, t := range sys {
			if used[j] {
				continue
			}
			ov := min(g.End, t.End) - max(g.Start, t.Start)
			if ov > bestOv || (ov == bestOv && ov > 0 && t.Start == g.Start && t.End == g.End) {
				best, bestOv = j, ov
			}
		}
		if best < 0 {
			s.typ(g.Type).FN++
			s.Misses = append(s.Misses, fmt.Sprintf("%s\tmiss\t%s\t%q\t%s", doc.Path, g.Type, doc.Text[g.Start:g.End], g.Value))
			continue
		}
		used[best] = true
		t := sys[best]
		s.Relaxed++
		s.typ(g.Type).TP++
		if t.Start == g.Start && t.End == g.End {
			s.Strict++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("%s	span	%s	%q	sys %q", doc.Path, g.Type, doc.Text[g.Start:g.End], doc.Text[t.Start:t.End]))
		}
		if t.Type == g.Type {
			s.TypeOK++
		}
		if NormValue(t.Value) == NormValue(g.Value) {
			s.ValueOK++
		} else {
			s.Misses = append(s.Misses, fmt.Sprintf("%s\tvalue\t%s\t%q\tgold %s\tsys %s %q", doc.Path, g.Type, doc.Text[g.Start:g.End], g.Value, t.Value, doc.Text[t.Start:t.End]))
		}
	}
	for j, t := range sys {
		if !used[j] {
			s.typ(t.Type).FP++
			s.FalseAlarm = append(s.FalseAlarm, fmt.Sprintf("%s\tfalse\t%s\t%q\t%s", doc.Path, t.Type, doc.Text[t.Start:t.End], t.Value))
		}
	}
	return s
}

// FromDocument turns tagged timexes into scoring spans.
func FromDocument(tx []document.Timex) []GoldTimex {
	out := make([]GoldTimex, len(tx))
	for i, t := range tx {
		out[i] = GoldTimex{Start: t.Span.Start, End: t.Span.End, Type: t.Type, Value: t.Value}
	}
	return out
}

var timexTypes = []string{"DATE", "TIME", "DURATION", "SET"}

// report turns a score into the shared Report shape: scores strict,
// relaxed, value (TempEval-3 value F1 = relaxed F1 × value accuracy, which
// is 2·valueOK/(gold+sys)) and one line per type; accuracies type, value.
func (s *TimexScore) report(name, dataset string) *Report {
	r := &Report{Stage: name, Dataset: dataset}
	r.AddScore("strict", Counts{TP: s.Strict, FP: s.Sys - s.Strict, FN: s.Gold - s.Strict})
	r.AddScore("relaxed", Counts{TP: s.Relaxed, FP: s.Sys - s.Relaxed, FN: s.Gold - s.Relaxed})
	r.AddScore("value", Counts{TP: s.ValueOK, FP: s.Sys - s.ValueOK, FN: s.Gold - s.ValueOK})
	for _, t := range timexTypes {
		if c := s.ByType[t]; c != nil {
			r.AddScore(t, *c)
		}
	}
	r.AddAccuracy("type", s.TypeOK, s.Relaxed)
	r.AddAccuracy("value", s.ValueOK, s.Relaxed)
	return r
}

// TimexTagger tags one text with a DCT (zero when unknown).
type TimexTagger func(text string, dct document.DCT) ([]document.Timex, error)

// PipelineTagger runs p over each text (with its DCT) and returns the time
// expressions it found; `eval timex` and its tests build p from the
// tokenize and timex stages.
func PipelineTagger(p Processor) TimexTagger {
	return func(text string, dct document.DCT) ([]document.Timex, error) {
		d := document.New("eval", "eval", text)
		d.DCT = dct
		if err := p.Process(context.Background(), d); err != nil {
			return nil, err
		}
		return d.Timexes, nil
	}
}

// TimexEval is the result over a set of files: the total and one score per
// subset (folder).
type TimexEval struct {
	Total   *TimexScore
	Subsets map[string]*TimexScore
	Order   []string
}

func newTimexEval() *TimexEval {
	return &TimexEval{Total: newTimexScore(), Subsets: map[string]*TimexScore{}}
}

func (e *TimexEval) add(subset string, s *TimexScore) {
	e.Total.add(s)
	if e.Subsets[subset] == nil {
		e.Subsets[subset] = newTimexScore()
		e.Order = append(e.Order, subset)
	}
	e.Subsets[subset].add(s)
}

// Report gives the total in the shared shape, with per-subset relaxed,
// strict and value lines after the total ones.
func (e *TimexEval) Report(dataset string) *Report {
	r := e.Total.report("timex", dataset)
	if len(e.Order) > 1 {
		for _, name := range e.Order {
			s := e.Subsets[name]
			sub := s.report("", "")
			for _, sc := range sub.Scores[:3] {
				r.AddScore(name+"/"+sc.Name, sc.Counts)
			}
			r.AddAccuracy(name+"/value", s.ValueOK, s.Relaxed)
		}
	}
	return r
}

// TimexFiles lists the .tml and .key.xml files under the paths, sorted.
func TimexFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(path, ".tml") || strings.HasSuffix(path, ".key.xml")) {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// EvalTimex tags every gold file with tag and scores it. When peerDir is
// set, the file of the same path relative to its root (one of roots) is
// read from peerDir as another system's output and scored too.
func EvalTimex(files, roots []string, peerDir string, tag TimexTagger) (ours, peer *TimexEval, err error) {
	ours = newTimexEval()
	if peerDir != "" {
		peer = newTimexEval()
	}
	for _, f := range files {
		doc, err := ReadTimexDoc(f)
		if err != nil {
			return nil, nil, err
		}
		dct := doc.DCT
		if doc.Narrative {
			dct = document.DCT{}
		}
		tx, err := tag(doc.Text, dct)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		ours.add(doc.Subset, ScoreTimexes(doc, FromDocument(tx)))
		if peer != nil {
			pf := filepath.Join(peerDir, relTo(f, roots))
			pd, err := ReadTimexDoc(pf)
			if err != nil {
				return nil, nil, fmt.Errorf("peer: %w", err)
			}
			sys := alignPeer(doc.Text, pd)
			peer.add(doc.Subset, ScoreTimexes(doc, sys))
		}
	}
	return ours, peer, nil
}

func relTo(f string, roots []string) string {
	for _, r := range roots {
		if rel, err := filepath.Rel(r, f); err == nil && !strings.HasPrefix(rel, "..") && rel != "." {
			return rel
		}
	}
	return filepath.Base(f)
}

// alignPeer maps the peer's spans onto the gold text. The texts are the
// same up to white space in the files we know; offsets are carried over
// by aligning the non-space characters of both.
func alignPeer(gold string, pd *TimexDoc) []GoldTimex {
	if pd.Text == gold {
		return pd.Timexes
	}
	// Map every peer byte offset to a gold offset via non-space characters.
	m := make([]int, len(pd.Text)+1)
	gi := 0
	for pi := 0; pi < len(pd.Text); pi++ {
		c := pd.Text[pi]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			m[pi] = gi
			continue
		}
		for gi < len(gold) && (gold[gi] == ' ' || gold[gi] == '\n' || gold[gi] == '\t' || gold[gi] == '\r') {
			gi++
		}
		m[pi] = gi
		if gi < len(gold) {
			gi++
		}
	}
	m[len(pd.Text)] = gi
	out := make([]GoldTimex, 0, len(pd.Timexes))
	for _, t := range pd.Timexes {
		s, e := m[t.Start], m[t.End]
		for s < e && s < len(gold) && (gold[s] == ' ' || gold[s] == '\n') {
			s++
		}
		if e > len(gold) {
			e = len(gold)
		}
		out = append(out, GoldTimex{Start: s, End: e, Type: t.Type, Value: t.Value})
	}
	return out
}

// WriteTimexSideBySide prints our report and a peer's in one table.
func WriteTimexSideBySide(w io.Writer, ours, peer *Report, peerName string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "eval timex — %s (ours vs %s)\n", ours.Dataset, peerName)
	fmt.Fprintln(tw, "score\tP\tR\tF1\t|\tpeer P\tpeer R\tpeer F1\t")
	for _, s := range ours.Scores {
		p := peer.Score(s.Name)
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t|\t%.4f\t%.4f\t%.4f\t\n", s.Name, s.Precision(), s.Recall(), s.F1(), p.Precision(), p.Recall(), p.F1())
	}
	fmt.Fprintln(tw, "accuracy\tours\t\t\t|\tpeer\t\t\t")
	for _, a := range ours.Accuracy {
		fmt.Fprintf(tw, "%s\t%.4f\t\t\t|\t%.4f\t\t\t\n", a.Name, a.Ratio(), peer.AccuracyOf(a.Name))
	}
	for _, t := range []string{"SET", "DURATION"} {
		o, p := ours.Score(t), peer.Score(t)
		fmt.Fprintf(tw, "%s recall\t%.4f\t%d/%d\t\t|\t%.4f\t%d/%d\t\t\n", t, o.Recall(), o.TP, o.TP+o.FN, p.Recall(), p.TP, p.TP+p.FN)
	}
	return tw.Flush()
}
