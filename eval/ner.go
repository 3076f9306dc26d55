package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/ereignis/ereignis/document"
)

// GermEvalSentence is one sentence of a GermEval 2014 NER file: its tokens
// and the outer and inner (nested) BIO tags.
type GermEvalSentence struct {
	Tokens       []string
	Outer, Inner []string
}

// ReadGermEval reads a GermEval 2014 TSV file (index, token, outer tag,
// inner tag; "#" lines open a sentence, blank lines close it).
func ReadGermEval(r io.Reader) ([]GermEvalSentence, error) {
	var out []GermEvalSentence
	var cur GermEvalSentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = GermEvalSentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#\t") || line == "#" {
			flush()
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated columns, got %d", ln, len(f))
		}
		cur.Tokens = append(cur.Tokens, f[1])
		cur.Outer = append(cur.Outer, f[2])
		cur.Inner = append(cur.Inner, f[3])
	}
	flush()
	return out, sc.Err()
}

// Chunk is a typed token range [Start, End).
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks reads BIO tags into chunks the way conlleval does: an I- tag of a
// different type than the open chunk (or with no open chunk) starts a new one.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	closeAt := func(i int) {
		if open >= 0 {
			out = append(out, Chunk{open, i, typ})
		}
		open, typ = -1, ""
	}
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B-"):
			closeAt(i)
			open, typ = i, t[2:]
		case strings.HasPrefix(t, "I-"):
			if open < 0 || typ != t[2:] {
				closeAt(i)
				open, typ = i, t[2:]
			}
		default:
			closeAt(i)
		}
	}
	closeAt(len(tags))
	return out
}

// GermEvalDocument builds the document the NER stage sees for one gold
// sentence: the tokens joined by single spaces, one sentence, token offsets
// into that text. No re-tokenisation happens.
func GermEvalDocument(id string, tokens []string) *document.Document {
	var b strings.Builder
	toks := make([]document.Token, len(tokens))
	for i, t := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(t)
		toks[i] = document.Token{Start: start, End: b.Len(), Text: t, Kind: document.KindWord}
	}
	d := document.New(id, id, b.String())
	d.Tokens = toks
	d.Sentences = []document.Sentence{{Start: 0, End: b.Len(), TokStart: 0, TokEnd: len(toks)}}
	return d
}

// main4 merges a GermEval label into its main type (LOCderiv → LOC).
func main4(t string) string {
	for _, m := range []string{"PER", "LOC", "ORG", "OTH"} {
		if strings.HasPrefix(t, m) {
			return m
		}
	}
	return t
}

// NERLabels are the 12 GermEval labels, in report order.
var NERLabels = []string{"PER", "LOC", "ORG", "OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv", "PERpart", "LOCpart", "ORGpart", "OTHpart"}

// NER scores a NER stage on GermEval sentences: each sentence becomes a
// Document (GermEvalDocument), the stage fills its entities, and the
// entities are compared with the gold chunks by exact token span and type.
// Scores: "outer" (outer chunks, 12 labels), "outer4" (same, merged to PER,
// LOC, ORG, OTH), "m1" (GermEval metric 1: outer and inner chunks pooled;
// the stage predicts no nesting, so its mentions count as outer
// predictions only), and one score per label on outer chunks.
func NER(ctx context.Context, stage document.Stage, sents []GermEvalSentence, dataset string) (*Report, error) {
	rep := &Report{Stage: "ner", Dataset: dataset}
	var outer, outer4, m1 Counts
	per := map[string]*Counts{}
	for _, l := range NERLabels {
		per[l] = &Counts{}
	}
	for si, s := range sents {
		d := GermEvalDocument(fmt.Sprintf("germeval-%d", si+1), s.Tokens)
		if err := stage.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("sentence %d: %w", si+1, err)
		}
		var pred []Chunk
		for _, e := range d.Entities {
			pred = append(pred, Chunk{e.TokStart, e.TokEnd, e.Type})
		}
		gold := Chunks(s.Outer)
		inner := Chunks(s.Inner)
		c := match(gold, pred, nil)
		outer.Add(c)
		outer4.Add(match(gold, pred, main4))
		mc := match(append(append([]Chunk(nil), gold...), inner...), pred, nil)
		m1.Add(mc)
		for _, l := range NERLabels {
			per[l].Add(match(filter(gold, l), filter(pred, l), nil))
		}
	}
	rep.AddScore("outer", outer)
	rep.AddScore("outer4", outer4)
	rep.AddScore("m1", m1)
	for _, l := range NERLabels {
		rep.AddScore(l, *per[l])
	}
	return rep, nil
}

func filter(cs []Chunk, typ string) []Chunk {
	var out []Chunk
	for _, c := range cs {
		if c.Type == typ {
			out = append(out, c)
		}
	}
	return out
}

// match counts exact span+type matches; norm (optional) maps types first.
func match(gold, pred []Chunk, norm func(string) string) Counts {
	key := func(c Chunk) Chunk {
		if norm != nil {
			c.Type = norm(c.Type)
		}
		return c
	}
	g := map[Chunk]int{}
	for _, c := range gold {
		g[key(c)]++
	}
	var out Counts
	for _, c := range pred {
		k := key(c)
		if g[k] > 0 {
			g[k]--
			out.TP++
		} else {
			out.FP++
		}
	}
	for _, n := range g {
		out.FN += n
	}
	return out
}

// ReadGermEvalFile opens and reads a GermEval file.
func ReadGermEvalFile(path string) ([]GermEvalSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadGermEval(f)
}

// NERConfusion lists, for error analysis, the most frequent (gold, predicted)
// type pairs of spans that match exactly but differ in type, and the labels
// of missed and spurious spans.
func NERConfusion(ctx context.Context, stage document.Stage, sents []GermEvalSentence) ([]string, error) {
	counts := map[string]int{}
	for si, s := range sents {
		d := GermEvalDocument(fmt.Sprintf("germeval-%d", si+1), s.Tokens)
		if err := stage.Process(ctx, d); err != nil {
			return nil, err
		}
		gold := map[[2]int]string{}
		for _, c := range Chunks(s.Outer) {
			gold[[2]int{c.Start, c.End}] = c.Type
		}
		seen := map[[2]int]bool{}
		for _, e := range d.Entities {
			k := [2]int{e.TokStart, e.TokEnd}
			seen[k] = true
			g, ok := gold[k]
			switch {
			case !ok:
				counts["spurious "+e.Type+" ("+e.Rule+")"]++
			case g != e.Type:
				counts["type "+g+" → "+e.Type+" ("+e.Rule+")"]++
			}
		}
		for k, g := range gold {
			if !seen[k] {
				counts["missed "+g]++
			}
		}
	}
	var out []string
	for k, n := range counts {
		out = append(out, fmt.Sprintf("%5d %s", n, k))
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out, nil
}
