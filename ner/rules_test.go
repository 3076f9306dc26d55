package ner_test

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/ner"
)

// splitWords is a small tokeniser for rule examples: white space separates
// words, and sentence punctuation, quotes and brackets at a word's edges
// are tokens of their own (as in GermEval).
func splitWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		var tail []string
		for len(f) > 1 && strings.ContainsAny(f[:1], "\"„(»") {
			out = append(out, f[:1])
			f = f[1:]
		}
		for len(f) > 1 && strings.ContainsAny(f[len(f)-1:], ",.;:!?\"“)«") && !isAbbrev(f) {
			tail = append([]string{f[len(f)-1:]}, tail...)
			f = f[:len(f)-1]
		}
		out = append(out, f)
		out = append(out, tail...)
	}
	return out
}

func isAbbrev(f string) bool {
	switch f {
	case "Dr.", "Prof.", "e.V.", "Inc.", "Ltd.", "Co.", "Corp.", "Str.", "St.", "Mr.", "Mrs.", "Ms.":
		return true
	}
	return false
}

var bracket = regexp.MustCompile(`\[(?:((?:PER|LOC|ORG|OTH)(?:deriv|part)?) )?([^\]]+)\]`)

type want struct {
	typ, text string
}

// parseExample strips [TYPE mention] brackets and returns the plain text
// and the wanted mentions.
func parseExample(s, defType string) (string, []want) {
	var ws []want
	plain := bracket.ReplaceAllStringFunc(s, func(m string) string {
		g := bracket.FindStringSubmatch(m)
		typ := g[1]
		if typ == "" {
			typ = defType
		}
		ws = append(ws, want{typ, g[2]})
		return g[2]
	})
	return plain, ws
}

func recognizer(t testing.TB) *ner.Recognizer {
	t.Helper()
	st, err := ner.DefaultStage()
	if err != nil {
		t.Fatal(err)
	}
	return st.Recognizer()
}

// TestRuleExamples runs every rule file's examples through the whole
// recogniser: each bracketed mention of a positive example must be found
// with its type (and, for typed rules, by that rule or a list), and a
// negative example must yield nothing from that rule.
func TestRuleExamples(t *testing.T) {
	r := recognizer(t)
	rules := r.Model().Rules()
	names := make([]string, 0, len(rules))
	for n := range rules {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		rf := rules[name]
		t.Run(name, func(t *testing.T) {
			if len(rf.Positive) == 0 || len(rf.Negative) == 0 {
				t.Errorf("%s: a rule file needs positive and negative examples", rf.File)
			}
			for _, ex := range rf.Positive {
				plain, ws := parseExample(ex.Text, rf.Type)
				words := splitWords(plain)
				got := r.Sentence(words)
				for _, w := range ws {
					found := false
					var seen []string
					for _, m := range got {
						text := strings.Join(words[m.Start:m.End], " ")
						seen = append(seen, fmt.Sprintf("%s[%s]/%s", m.Type, text, m.Rule))
						if text != strings.Join(splitWords(w.text), " ") {
							continue
						}
						if w.typ == "part" && strings.HasSuffix(m.Type, "part") || w.typ == "any" || m.Type == w.typ {
							found = true
						}
					}
					if !found {
						t.Errorf("%s:%d: want %s [%s]; got %v", rf.File, ex.Line, w.typ, w.text, seen)
					}
				}
			}
			for _, ex := range rf.Negative {
				plain, _ := parseExample(ex.Text, rf.Type)
				words := splitWords(plain)
				for _, m := range r.Sentence(words) {
					// Files without one rule of their own (type any/none)
					// want no entity at all in a negative example.
					if m.Rule == name || rf.Type == "any" || rf.Type == "none" {
						t.Errorf("%s:%d: negative example matched %s [%s]", rf.File, ex.Line, m.Type, strings.Join(words[m.Start:m.End], " "))
					}
				}
			}
		})
	}
}
