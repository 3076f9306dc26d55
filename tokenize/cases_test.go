package tokenize_test

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/tokenize"
)

type tokCase struct {
	line      int
	input     string
	tokens    []string // "text/kind"
	sentences []string // nil: not checked
}

var escape = regexp.MustCompile(`\\u[0-9a-fA-F]{4}`)

func unescape(s string) string {
	return escape.ReplaceAllStringFunc(s, func(m string) string {
		n, _ := strconv.ParseUint(m[2:], 16, 32)
		return string(rune(n))
	})
}

func readCases(t *testing.T, path string) []tokCase {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []tokCase
	var cur *tokCase
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#"):
		case l == "":
			cur = nil
		case l == ">" || strings.HasPrefix(l, "> "):
			in := unescape(strings.TrimPrefix(l[1:], " "))
			if cur != nil && cur.tokens == nil {
				cur.input += "\n" + in
				continue
			}
			cases = append(cases, tokCase{line: n, input: in})
			cur = &cases[len(cases)-1]
		case strings.HasPrefix(l, "| "):
			cur.sentences = append(cur.sentences, unescape(l[2:]))
		default:
			if cur == nil {
				t.Fatalf("%s:%d: tokens without an input line", path, n)
			}
			cur.tokens = append(cur.tokens, strings.Fields(unescape(l))...)
		}
	}
	return cases
}

// TestCases runs the table in testdata/cases.txt: every token with its
// kind, and the sentences where a case lists them.
func TestCases(t *testing.T) {
	tk, err := tokenize.New()
	if err != nil {
		t.Fatal(err)
	}
	const path = "testdata/cases.txt"
	cases := readCases(t, path)
	if len(cases) < 20 {
		t.Fatalf("only %d cases read from %s", len(cases), path)
	}
	for _, c := range cases {
		toks, sents := tk.Split(c.input)
		checkInvariants(t, c.input, toks, sents)
		got := make([]string, len(toks))
		for i, tok := range toks {
			got[i] = tok.Text + "/" + string(tok.Kind)
		}
		if g, w := strings.Join(got, " "), strings.Join(c.tokens, " "); g != w {
			t.Errorf("%s:%d: %q\n  got:  %s\n  want: %s", path, c.line, c.input, g, w)
		}
		if c.sentences != nil {
			var gs []string
			for _, s := range sents {
				gs = append(gs, c.input[s.Start:s.End])
			}
			if g, w := strings.Join(gs, "\n  | "), strings.Join(c.sentences, "\n  | "); g != w {
				t.Errorf("%s:%d: sentences of %q\n  got:\n  | %s\n  want:\n  | %s", path, c.line, c.input, g, w)
			}
		}
	}
}

// checkInvariants holds for every text: tokens are exact, ordered,
// non-overlapping slices of the text without white space at their edges;
// sentences cover all tokens in order, and each token knows its sentence.
func checkInvariants(t testing.TB, text string, toks []document.Token, sents []document.Sentence) {
	t.Helper()
	prevEnd := 0
	for i, tok := range toks {
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("%q: token %d [%d,%d) out of order or range (previous end %d)", text, i, tok.Start, tok.End, prevEnd)
		}
		if tok.Text != text[tok.Start:tok.End] {
			t.Fatalf("%q: token %d text %q != text[%d:%d] %q", text, i, tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
		if tok.Kind == "" {
			t.Fatalf("%q: token %d %q has no kind", text, i, tok.Text)
		}
		if strings.TrimSpace(tok.Text) == "" {
			t.Fatalf("%q: token %d is white space", text, i)
		}
		prevEnd = tok.End
	}
	next := 0
	for si, s := range sents {
		if s.TokStart != next || s.TokEnd <= s.TokStart || s.TokEnd > len(toks) {
			t.Fatalf("%q: sentence %d tokens [%d,%d) do not follow %d", text, si, s.TokStart, s.TokEnd, next)
		}
		if s.Start != toks[s.TokStart].Start || s.End != toks[s.TokEnd-1].End {
			t.Fatalf("%q: sentence %d span [%d,%d) does not match its tokens", text, si, s.Start, s.End)
		}
		for k := s.TokStart; k < s.TokEnd; k++ {
			if toks[k].Sentence != si {
				t.Fatalf("%q: token %d says sentence %d, is in %d", text, k, toks[k].Sentence, si)
			}
		}
		next = s.TokEnd
	}
	if next != len(toks) {
		t.Fatalf("%q: sentences cover %d of %d tokens", text, next, len(toks))
	}
}

// FuzzTokenize checks the invariants on arbitrary input; no panic may
// escape.
func FuzzTokenize(f *testing.F) {
	tk, err := tokenize.New()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Am 5. Mai z. B. Dr. Müller.", "„Ja.“ sagte er.", "1.000,50 € 24.02.2022 20:30",
		"www.orf.at/news. max@x.de @a #b :-)", "Lehrer*innen US-Präsident Ost- und West", "''``...…",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks, sents := tk.Split(text)
		checkInvariants(t, text, toks, sents)
	})
}
