package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ereignis/ereignis/tokenize"
	"github.com/jdkato/prose/v2"
)

// UDSentence is one sentence of a CoNLL-U file: its "# text" and its gold
// surface tokens. A multi-word token line ("1-2 zum") is one surface token;
// the syntactic words it covers ("zu", "dem") are skipped.
type UDSentence struct {
	ID     string
	Text   string
	Tokens []string
}

// ReadUD reads the sentences of a CoNLL-U file.
func ReadUD(path string) ([]UDSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseUD(f)
}

// ParseUD reads CoNLL-U sentences from r.
func ParseUD(r io.Reader) ([]UDSentence, error) {
	var out []UDSentence
	var cur *UDSentence
	skipTo := 0 // last word id covered by the current multi-word token
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case l == "":
			cur, skipTo = nil, 0
			continue
		case strings.HasPrefix(l, "#"):
			if cur == nil {
				out = append(out, UDSentence{})
				cur = &out[len(out)-1]
			}
			if v, ok := strings.CutPrefix(l, "# text = "); ok {
				cur.Text = v
			} else if v, ok := strings.CutPrefix(l, "# sent_id = "); ok {
				cur.ID = v
			}
			continue
		}
		if cur == nil {
			out = append(out, UDSentence{})
			cur = &out[len(out)-1]
		}
		cols := strings.SplitN(l, "\t", 3)
		if len(cols) < 2 {
			return nil, fmt.Errorf("line %d: not a CoNLL-U token line", line)
		}
		id := cols[0]
		if strings.Contains(id, ".") { // empty node
			continue
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			if _, err := strconv.Atoi(a); err != nil {
				return nil, fmt.Errorf("line %d: bad range %q", line, id)
			}
			end, err := strconv.Atoi(b)
			if err != nil {
				return nil, fmt.Errorf("line %d: bad range %q", line, id)
			}
			skipTo = end
			cur.Tokens = append(cur.Tokens, cols[1])
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fmt.Errorf("line %d: bad id %q", line, id)
		}
		if n <= skipTo {
			continue
		}
		cur.Tokens = append(cur.Tokens, cols[1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Segmenter tokenises text and splits it into sentences. It returns the
// byte spans of the tokens and the byte offsets where sentences end.
type Segmenter func(text string) (tokens [][2]int, sentenceEnds []int)

// TokenEval is the outcome of scoring a Segmenter on UD sentences.
type TokenEval struct {
	Tokens, Sentences Counts
	Unaligned         int // gold tokens not found in their "# text"
	// Errors lists the first sentences whose tokens differ from the gold,
	// as "gold: a|b|c" / "ours: a|b c" pairs, for reading.
	Errors []string
}

// ScoreTokens concatenates the sentences' texts with one space, runs seg
// over the whole, and scores token spans (a predicted token is right when
// its span equals a gold span) and sentence boundaries (the end offsets of
// all sentences but the last). maxErrors bounds TokenEval.Errors.
func ScoreTokens(sents []UDSentence, seg Segmenter, maxErrors int) TokenEval {
	var ev TokenEval
	var b strings.Builder
	var gold [][2]int
	goldEnds := map[int]bool{}
	sentStart := make([]int, 0, len(sents))
	for i, s := range sents {
		if i > 0 {
			b.WriteByte(' ')
		}
		base := b.Len()
		sentStart = append(sentStart, base)
		b.WriteString(s.Text)
		pos := 0
		for _, tok := range s.Tokens {
			k := strings.Index(s.Text[pos:], tok)
			if k < 0 {
				ev.Unaligned++
				continue
			}
			gold = append(gold, [2]int{base + pos + k, base + pos + k + len(tok)})
			pos += k + len(tok)
		}
		if i < len(sents)-1 {
			goldEnds[base+len(strings.TrimRight(s.Text, " "))] = true
		}
	}
	text := b.String()
	pred, ends := seg(text)

	goldSet := make(map[[2]int]bool, len(gold))
	for _, g := range gold {
		goldSet[g] = true
	}
	predSet := make(map[[2]int]bool, len(pred))
	for _, p := range pred {
		predSet[p] = true
		if goldSet[p] {
			ev.Tokens.TP++
		} else {
			ev.Tokens.FP++
		}
	}
	for _, g := range gold {
		if !predSet[g] {
			ev.Tokens.FN++
		}
	}
	ev.Tokens.FN += ev.Unaligned
	for _, e := range ends {
		if e >= len(strings.TrimRight(text, " ")) {
			continue // the end of the text is no boundary
		}
		if goldEnds[e] {
			ev.Sentences.TP++
		} else {
			ev.Sentences.FP++
		}
	}
	ev.Sentences.FN = len(goldEnds) - ev.Sentences.TP

	if maxErrors > 0 {
		ev.Errors = tokenErrors(text, sents, sentStart, gold, pred, maxErrors)
		predEnds := map[int]bool{}
		for _, e := range ends {
			predEnds[e] = true
		}
		context := func(at int) string {
			a, b := max(0, at-50), min(len(text), at+30)
			return strings.ReplaceAll(text[a:at]+" ‖ "+text[at:b], "\n", " ")
		}
		for _, e := range ends {
			if !goldEnds[e] && e < len(strings.TrimRight(text, " ")) && len(ev.Errors) < 2*maxErrors {
				ev.Errors = append(ev.Errors, "false sentence end: "+context(e))
			}
		}
		for _, i := range sentStart[1:] {
			if e := len(strings.TrimRight(text[:i-1], " ")); !predEnds[e] && len(ev.Errors) < 2*maxErrors {
				ev.Errors = append(ev.Errors, "missed sentence end: "+context(e))
			}
		}
	}
	return ev
}

// tokenErrors renders the sentences whose predicted tokens differ from the gold.
func tokenErrors(text string, sents []UDSentence, sentStart []int, gold, pred [][2]int, max int) []string {
	var out []string
	gi, pi := 0, 0
	for i, s := range sents {
		end := sentStart[i] + len(s.Text)
		var g, p []string
		for gi < len(gold) && gold[gi][0] < end {
			g = append(g, text[gold[gi][0]:gold[gi][1]])
			gi++
		}
		for pi < len(pred) && pred[pi][0] < end {
			if pred[pi][0] >= 0 && pred[pi][1] <= len(text) && pred[pi][0] <= pred[pi][1] {
				p = append(p, text[pred[pi][0]:pred[pi][1]])
			}
			pi++
		}
		gs, ps := strings.Join(g, "|"), strings.Join(p, "|")
		if gs != ps {
			out = append(out, fmt.Sprintf("%s\n  gold: %s\n  ours: %s", s.ID, gs, ps))
			if len(out) >= max {
				break
			}
		}
	}
	return out
}

// Report turns the evaluation into the shared report shape with the
// scores "tokens" and "sentences".
func (ev TokenEval) Report(dataset string) *Report {
	r := &Report{Stage: "tokens", Dataset: dataset}
	r.AddScore("tokens", ev.Tokens)
	r.AddScore("sentences", ev.Sentences)
	if ev.Unaligned > 0 {
		r.Notes = append(r.Notes, fmt.Sprintf("%d gold tokens could not be located in their # text and count as missed", ev.Unaligned))
	}
	return r
}

// TokenizerSegmenter scores ereignis's own tokeniser and sentence splitter.
func TokenizerSegmenter(t *tokenize.Tokenizer) Segmenter {
	return func(text string) ([][2]int, []int) {
		toks, sents := t.Split(text)
		spans := make([][2]int, len(toks))
		for i, tk := range toks {
			spans[i] = [2]int{tk.Start, tk.End}
		}
		ends := make([]int, len(sents))
		for i, s := range sents {
			ends[i] = s.End
		}
		return spans, ends
	}
}

// proseSanitized are the replacements prose v2's tokeniser makes before it
// splits (its `sanitizer`): curly quotes become straight ones.
var proseSanitized = []struct{ from, to string }{
	{"\u201c", `"`}, {"\u201d", `"`}, {"\u2018", "'"}, {"\u2019", "'"}, {"&rsquo;", "'"},
}

// ProseSegmenter scores github.com/jdkato/prose/v2's tokeniser and
// sentence segmenter, the English baseline. prose returns token and
// sentence texts without offsets, so they are located in the text in order:
// a token is found only in the white space after the previous one, on the
// text prose saw after rewriting quotes; a token whose text differs from
// the original there (a rewritten quote) counts as wrong, and text that
// prose drops counts as missed.
func ProseSegmenter() Segmenter {
	return func(text string) ([][2]int, []int) {
		// The text prose's tokeniser sees, with a map back to the original.
		var sb strings.Builder
		var startOf, endOf []int
		for i := 0; i < len(text); {
			repl := false
			for _, r := range proseSanitized {
				if strings.HasPrefix(text[i:], r.from) {
					for k := 0; k < len(r.to); k++ {
						startOf = append(startOf, i)
						endOf = append(endOf, i+len(r.from))
					}
					sb.WriteString(r.to)
					i += len(r.from)
					repl = true
					break
				}
			}
			if !repl {
				startOf = append(startOf, i)
				endOf = append(endOf, i+1)
				sb.WriteByte(text[i])
				i++
			}
		}
		clean := sb.String()
		var spans [][2]int
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err == nil {
			pos := 0
			for _, tk := range doc.Tokens() {
				// prose drops some text ("'s." after a word): a token may
				// follow a short gap that is not white space.
				k := strings.Index(clean[pos:], tk.Text)
				if k < 0 || k > 32 && strings.TrimSpace(clean[pos:pos+k]) != "" {
					spans = append(spans, [2]int{-1, -1})
					continue
				}
				a, b := pos+k, pos+k+len(tk.Text)
				pos = b
				if b == a {
					continue
				}
				oa, ob := startOf[a], endOf[b-1]
				if text[oa:ob] != tk.Text {
					spans = append(spans, [2]int{-1, -1})
					continue
				}
				spans = append(spans, [2]int{oa, ob})
			}
		}
		var ends []int
		sdoc, err := prose.NewDocument(text, prose.WithTokenization(false), prose.WithTagging(false), prose.WithExtraction(false))
		if err == nil {
			pos := 0
			for _, s := range sdoc.Sentences() {
				k := strings.Index(text[pos:], s.Text)
				if k < 0 {
					continue
				}
				pos += k + len(s.Text)
				ends = append(ends, pos)
			}
		}
		return spans, ends
	}
}
