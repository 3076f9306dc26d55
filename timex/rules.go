// Package timex finds German time expressions (TIMEX3: DATE, TIME,
// DURATION, SET) in a text and normalises them against the article date or
// the last mentioned date.
//
// The language knowledge is data (models/timex): named pattern lists with
// their normal values, and rule files whose rules refer to the lists by name
// and carry their own positive and negative examples. Rules only say what a
// span means in underspecified form ("DCT-1D", "XXXX-06", "ANCHOR~WD1");
// the resolver (resolve.go) anchors those values in a separate pass, so the
// rules stay free of context.
package timex

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Rule is one compiled rule.
type Rule struct {
	Name    string
	Pos     string // file:line of the rule header
	Pattern string // as written, with %references
	// re is compiled on first use (see regexp): Find needs only the
	// automaton and its program, and every CLI run pays the load.
	re        *regexp.Regexp
	reOnce    sync.Once
	full      string         // the pattern re compiles, references expanded
	names     []string       // re's group names (SubexpNames)
	dfa       *matchDFA      // where re's longest match ends, when it can be built
	syn       *syntax.Regexp // the pattern parsed, while Load needs it (one parse for all its uses)
	Type      string
	Value     *template
	Mod       *template
	Quant     *template
	Freq      *template
	Generic   *template      // value in a present-tense clause without a clock time
	LeadDet   bool           // extend the span over a preceding determiner
	NotBefore *regexp.Regexp // reject when the text before the match ends with this
	NotAfter  *regexp.Regexp // reject when the text after the match starts with this
	// notBeforeRev is NotBefore reversed, asked of the reversed text
	// before the match (see context.go); notBeforeDFA and notAfterDFA
	// answer for notBeforeRev and NotAfter when they could be built.
	notBeforeRev              *regexp.Regexp
	notBeforeDFA, notAfterDFA *matchDFA
	// DCTFix marks a rule whose group "wd" names the weekday of the date it
	// matches (Montag, 5. Mai): when the weekday agrees, the date may fix a
	// month-precision DCT.
	DCTFix    bool
	wdGroup   int
	spanGroup int // submatch index of (?P<span>...), 0 when the whole match is the span
	// needs lists lowercased strings one of which every match contains
	// (derived from the pattern); a window without any of them is skipped
	// without running the regexp.
	needs []string
	// needMask has the set of needs, extraMask the sets of requiredAll
	// (see needles.go).
	needMask, extraMask setMask
	Examples            []Example
	order               int
}

// Example is a positive or negative example of a rule.
type Example struct {
	Pos      string // file:line
	Positive bool
	Text     string
	Start    int    // expected span in Text (whole text when no brackets)
	End      int    //
	Value    string // expected value (positive only)
	Attrs    map[string]string
}

// patternList is one named sub-pattern.
type patternList struct {
	name   string
	pos    string
	regex  string            // alternation, ready to embed
	values map[string]string // normalised surface → value (literal lists)
}

// Rules is the loaded rule set; it is immutable after Load.
type Rules struct {
	rules    []*Rule
	patterns map[string]*patternList
	// byPrefix indexes rules by the first one to six key runes a match can
	// start with (see keyRune), so only a few rules are tried at a token;
	// start is the same index walked rune by rune.
	byPrefix map[string][]int
	start    *startTrie
	anyStart []int // rules whose start could not be narrowed
	maxLen   int
	needles  *needleIndex
	// tenseWords is the tense-future, tense-perfect and tense-past lists
	// in one table (see tenseCues).
	tenseWords map[string]cue
	memo       *winMemo // completed winners (see memo.go)
}

// Load reads patterns/*.txt|*.re and rules/*.rules from dir in fsys.
func Load(fsys fs.FS, dir string) (*Rules, error) {
	rs := &Rules{patterns: map[string]*patternList{}, byPrefix: map[string][]int{}, maxLen: 60}
	pfiles, err := fs.Glob(fsys, path.Join(dir, "patterns", "*"))
	if err != nil {
		return nil, err
	}
	raw := map[string][]string{} // .re sources, expanded after all lists are known
	rawPos := map[string]string{}
	for _, f := range pfiles {
		base := path.Base(f)
		ext := path.Ext(base)
		name := strings.TrimSuffix(base, ext)
		if _, dup := rs.patterns[name]; dup || raw[name] != nil {
			return nil, fmt.Errorf("%s:1: pattern %q defined twice", f, name)
		}
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		switch ext {
		case ".txt":
			pl, err := parseList(f, name, string(data))
			if err != nil {
				return nil, err
			}
			rs.patterns[name] = pl
		case ".re":
			var alts []string
			for i, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.HasPrefix(line, "#") {
					continue
				}
				if _, err := syntax.Parse(stripRefs(line), syntax.Perl); err != nil {
					return nil, fmt.Errorf("%s:%d: %v", f, i+1, err)
				}
				alts = append(alts, line)
			}
			if len(alts) == 0 {
				return nil, fmt.Errorf("%s:1: empty pattern file", f)
			}
			raw[name] = alts
			rawPos[name] = f + ":1"
		default:
			return nil, fmt.Errorf("%s:1: unknown pattern file kind %q (want .txt or .re)", f, ext)
		}
	}
	// Expand .re patterns, which may refer to other patterns.
	var expand func(name string, stack []string) error
	expand = func(name string, stack []string) error {
		if _, ok := rs.patterns[name]; ok {
			return nil
		}
		for _, s := range stack {
			if s == name {
				return fmt.Errorf("%s: pattern cycle %s", rawPos[name], strings.Join(append(stack, name), " → "))
			}
		}
		alts := raw[name]
		out := make([]string, len(alts))
		for i, a := range alts {
			e, err := rs.expandRefs(a, func(ref string) error {
				if raw[ref] == nil {
					if _, ok := rs.patterns[ref]; !ok {
						return fmt.Errorf("%s: unknown pattern %%%s", rawPos[name], ref)
					}
					return nil
				}
				return expand(ref, append(stack, name))
			})
			if err != nil {
				return err
			}
			out[i] = e
		}
		rs.patterns[name] = &patternList{name: name, pos: rawPos[name], regex: "(?:" + strings.Join(out, "|") + ")"}
		return nil
	}
	names := make([]string, 0, len(raw))
	for n := range raw {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := expand(n, nil); err != nil {
			return nil, err
		}
	}

	rfiles, err := fs.Glob(fsys, path.Join(dir, "rules", "*.rules"))
	if err != nil {
		return nil, err
	}
	if len(rfiles) == 0 {
		return nil, fmt.Errorf("%s: no rule files", path.Join(dir, "rules"))
	}
	seen := map[string]string{}
	for _, f := range rfiles {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		rules, err := rs.parseRules(f, string(data))
		if err != nil {
			return nil, err
		}
		for _, r := range rules {
			if p, dup := seen[r.Name]; dup {
				return nil, fmt.Errorf("%s: rule %q already defined at %s", r.Pos, r.Name, p)
			}
			seen[r.Name] = r.Pos
			r.order = len(rs.rules)
			rs.rules = append(rs.rules, r)
		}
	}
	for i, r := range rs.rules {
		keys := startKeys(r.syn)
		if keys == nil {
			rs.anyStart = append(rs.anyStart, i)
			continue
		}
		for _, k := range keys {
			rs.byPrefix[k] = append(rs.byPrefix[k], i)
		}
	}
	if rs.start, err = buildStartTrie(rs.byPrefix, rs.anyStart, len(rs.rules)); err != nil {
		return nil, err
	}
	if err := rs.indexNeedles(); err != nil {
		return nil, err
	}
	for _, r := range rs.rules {
		r.syn = nil
	}
	rs.tenseWords = tenseCues(rs.patterns)
	rs.memo = newWinMemo()
	return rs, nil
}

// regexp returns the rule's compiled pattern, compiling it on first use.
// Its program compiled when the rule was loaded, so this cannot fail.
func (r *Rule) regexp() *regexp.Regexp {
	r.reOnce.Do(func() {
		if r.re == nil {
			// Leftmost-longest: among the ways the pattern can match at a
			// token, the longest (Jahren, not Jahr), whatever order the
			// alternatives have.
			r.re = regexp.MustCompile(r.full)
			r.re.Longest()
		}
	})
	return r.re
}

// subexpIndex is (*regexp.Regexp).SubexpIndex over the group names.
func subexpIndex(names []string, name string) int {
	if name != "" {
		for i, s := range names {
			if s == name {
				return i
			}
		}
	}
	return -1
}

// Rules returns the rules in load order.
func (rs *Rules) Rules() []*Rule { return rs.rules }

// normKey is how surfaces are looked up in a value table: lower case, runs
// of white space as one blank.
func normKey(s string) string {
	s = strings.ToLower(s)
	if strings.ContainsAny(s, " \t\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

func parseList(file, name, data string) (*patternList, error) {
	pl := &patternList{name: name, pos: file + ":1", values: map[string]string{}}
	var surfaces []string
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		surf, val, _ := strings.Cut(line, "\t")
		surf = strings.TrimSpace(surf)
		val = strings.TrimSpace(val)
		k := normKey(surf)
		if old, dup := pl.values[k]; dup && old != val {
			return nil, fmt.Errorf("%s:%d: %q listed twice with different values (%q, %q)", file, i+1, surf, old, val)
		}
		if _, dup := pl.values[k]; !dup {
			surfaces = append(surfaces, surf)
		}
		pl.values[k] = val
	}
	if len(surfaces) == 0 {
		return nil, fmt.Errorf("%s:1: empty pattern list", file)
	}
	// Reverse lexical order: forms sharing a prefix stay adjacent, so the
	// regexp parser factors them into a trie (Jahr(?:e(?:s|n)?|…)), which
	// keeps the matcher's thread count low; and a longer form still comes
	// before its prefix (Jahren before Jahre), for leftmost-first engines.
	sort.SliceStable(surfaces, func(a, b int) bool { return strings.ToLower(surfaces[a]) > strings.ToLower(surfaces[b]) })
	alts := make([]string, len(surfaces))
	for i, s := range surfaces {
		alts[i] = strings.ReplaceAll(regexp.QuoteMeta(s), " ", `\s+`)
	}
	pl.regex = "(?:" + strings.Join(alts, "|") + ")"
	return pl, nil
}

var refRE = regexp.MustCompile(`%([a-z][a-z0-9-]*)`)

// stripRefs replaces %references by a placeholder so a fragment can be
// syntax-checked before the references are known.
func stripRefs(s string) string { return refRE.ReplaceAllString(s, "x") }

// expandRefs replaces every %name by the pattern's regex; check is called
// for each reference first and may reject it.
func (rs *Rules) expandRefs(s string, check func(string) error) (string, error) {
	var err error
	out := refRE.ReplaceAllStringFunc(s, func(m string) string {
		name := m[1:]
		if err != nil {
			return m
		}
		if e := check(name); e != nil {
			err = e
			return m
		}
		return rs.patterns[name].regex
	})
	return out, err
}

// parseRules reads one rule file. The format is line based:
//
//	rule NAME
//	match   REGEX with %pattern references and (?P<group>...)
//	type    DATE|TIME|DURATION|SET
//	value   TEMPLATE           mod/quant/freq TEMPLATE (optional)
//	lead    det                notbefore/notafter REGEX (optional)
//	+ example text => VALUE [mod=..]   (brackets mark the span: seit [2021] => 2021)
//	- negative example text
func (rs *Rules) parseRules(file, data string) ([]*Rule, error) {
	var out []*Rule
	var cur *Rule
	finish := func() error {
		if cur == nil {
			return nil
		}
		if cur.names == nil {
			return fmt.Errorf("%s: rule %q has no match line", cur.Pos, cur.Name)
		}
		if cur.Type == "" || cur.Value == nil {
			return fmt.Errorf("%s: rule %q needs type and value", cur.Pos, cur.Name)
		}
		pos, neg := 0, 0
		for _, e := range cur.Examples {
			if e.Positive {
				pos++
			} else {
				neg++
			}
		}
		if pos == 0 || neg == 0 {
			return fmt.Errorf("%s: rule %q needs at least one positive (+) and one negative (-) example", cur.Pos, cur.Name)
		}
		out = append(out, cur)
		cur = nil
		return nil
	}
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := fmt.Sprintf("%s:%d", file, n)
		key, rest, _ := strings.Cut(line, " ")
		rest = strings.TrimSpace(rest)
		if key == "rule" {
			if err := finish(); err != nil {
				return nil, err
			}
			if rest == "" {
				return nil, fmt.Errorf("%s: rule without a name", at)
			}
			cur = &Rule{Name: rest, Pos: at}
			continue
		}
		if cur == nil {
			return nil, fmt.Errorf("%s: %q outside a rule", at, key)
		}
		var err error
		switch key {
		case "match":
			cur.Pattern = rest
			err = rs.compileMatch(cur, rest, at)
		case "type":
			switch rest {
			case "DATE", "TIME", "DURATION", "SET":
				cur.Type = rest
			default:
				err = fmt.Errorf("%s: unknown type %q", at, rest)
			}
		case "value", "mod", "quant", "freq", "generic":
			var t *template
			t, err = rs.parseTemplate(rest, cur, at)
			switch key {
			case "value":
				cur.Value = t
			case "mod":
				cur.Mod = t
			case "quant":
				cur.Quant = t
			case "freq":
				cur.Freq = t
			case "generic":
				cur.Generic = t
			}
		case "lead":
			if rest != "det" {
				err = fmt.Errorf("%s: lead takes only %q", at, "det")
			}
			if _, ok := rs.patterns["det"]; !ok {
				err = fmt.Errorf("%s: lead det needs the pattern list %%det", at)
			}
			cur.LeadDet = true
		case "notbefore", "notafter":
			var e string
			e, err = rs.expandRefs(rest, func(ref string) error {
				if _, ok := rs.patterns[ref]; !ok {
					return fmt.Errorf("%s: unknown pattern %%%s", at, ref)
				}
				return nil
			})
			if err == nil {
				// One parse of the pattern for the automaton (and the
				// reversal); the regexp engine parses its own.
				var p *syntax.Regexp
				if key == "notbefore" {
					src := `(?i)(?:` + e + `)$`
					if cur.NotBefore, err = regexp.Compile(src); err == nil {
						p, err = syntax.Parse(src, syntax.Perl)
					}
					if err == nil {
						rev := reverseRegexp(p)
						if cur.notBeforeRev, err = regexp.Compile(rev.String()); err == nil {
							cur.notBeforeDFA = newMatchDFA(rev)
						}
					}
				} else {
					src := `(?i)^(?:` + e + `)`
					if cur.NotAfter, err = regexp.Compile(src); err == nil {
						p, err = syntax.Parse(src, syntax.Perl)
					}
					if err == nil {
						cur.notAfterDFA = newMatchDFA(p)
					}
				}
				if err != nil {
					err = fmt.Errorf("%s: %v", at, err)
				}
			}
		case "dctfix":
			cur.DCTFix = rest == "yes"
			if cur.names == nil || subexpIndex(cur.names, "wd") < 0 {
				err = fmt.Errorf("%s: dctfix needs a match with a group named wd (the weekday)", at)
			} else {
				cur.wdGroup = subexpIndex(cur.names, "wd")
			}
		case "+", "-":
			var ex Example
			ex, err = parseExample(at, key == "+", rest)
			cur.Examples = append(cur.Examples, ex)
		default:
			err = fmt.Errorf("%s: unknown key %q", at, key)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %v", file, err)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	return out, nil
}

func (rs *Rules) compileMatch(r *Rule, src, at string) error {
	e, err := rs.expandRefs(src, func(ref string) error {
		if _, ok := rs.patterns[ref]; !ok {
			return fmt.Errorf("%s: unknown pattern %%%s", at, ref)
		}
		return nil
	})
	if err != nil {
		return err
	}
	full := `(?i)^(?:` + e + `)`
	// One parse of the pattern for the automaton, the needles and the
	// start keys.
	p, err := syntax.Parse(full, syntax.Perl)
	if err != nil {
		return fmt.Errorf("%s: %v", at, err)
	}
	r.full, r.syn, r.names = full, p, p.CapNames()
	if r.dfa = newMatchDFA(p); r.dfa == nil {
		// Find runs the regexp: compile it now (and report its errors).
		re, err := regexp.Compile(full)
		if err != nil {
			return fmt.Errorf("%s: %v", at, err)
		}
		re.Longest()
		r.re = re
	}
	if set, ok := required(p); ok && len(set) <= 12 { // more strings cost more than the regexp they save
		r.needs = set
	}
	r.spanGroup = subexpIndex(r.names, "span")
	if r.spanGroup < 0 {
		r.spanGroup = 0
	}
	return nil
}

func parseExample(at string, positive bool, s string) (Example, error) {
	ex := Example{Pos: at, Positive: positive}
	text := s
	if positive {
		var rhs string
		var ok bool
		text, rhs, ok = strings.Cut(s, "=>")
		if !ok {
			return ex, fmt.Errorf("%s: positive example needs \"=> VALUE\"", at)
		}
		f := strings.Fields(rhs)
		if len(f) == 0 {
			return ex, fmt.Errorf("%s: positive example without a value", at)
		}
		ex.Value = f[0]
		for _, kv := range f[1:] {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				return ex, fmt.Errorf("%s: attribute %q is not key=value", at, kv)
			}
			if ex.Attrs == nil {
				ex.Attrs = map[string]string{}
			}
			ex.Attrs[k] = v
		}
	}
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '['); i >= 0 {
		j := strings.IndexByte(text, ']')
		if j < i {
			return ex, fmt.Errorf("%s: unbalanced [ ] in example", at)
		}
		ex.Text = text[:i] + text[i+1:j] + text[j+1:]
		ex.Start, ex.End = i, j-1
	} else {
		ex.Text = text
		ex.Start, ex.End = 0, len(text)
	}
	if ex.Text == "" {
		return ex, fmt.Errorf("%s: empty example", at)
	}
	return ex, nil
}

// startKeys returns the lowercased prefixes (one to three runes, "#" for a
// digit) one of which every match of the parsed pattern p starts with, or
// nil when the start cannot be narrowed that way.
func startKeys(p *syntax.Regexp) []string {
	set := prefixes(p)
	keys := map[string]bool{}
	for _, s := range set {
		if s.str == "" || s.str == "*" {
			return nil
		}
		keys[s.str] = true
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

const prefixLen = 6

type pfx struct {
	str  string // lowercased literal prefix, "#" for a digit, "*" for anything
	open bool   // the whole sub-match was consumed: a following node may extend it
}

func prefixes(re *syntax.Regexp) []pfx {
	switch re.Op {
	case syntax.OpLiteral:
		s := keyString(re.Rune)
		if s == "" {
			return []pfx{{"", true}}
		}
		if utf8.RuneCountInString(s) >= prefixLen {
			return []pfx{{truncRunes(s, prefixLen), false}}
		}
		return []pfx{{s, true}}
	case syntax.OpCharClass:
		if isSpaceClass(re) {
			return []pfx{{" ", true}}
		}
		var runes []rune
		digits := true
		total := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			total += int(hi-lo) + 1
			if lo < '0' || hi > '9' {
				digits = false
			}
			if total <= 12 {
				for r := lo; r <= hi; r++ {
					runes = append(runes, unicode.ToLower(r))
				}
			}
		}
		if digits {
			return []pfx{{"#", true}}
		}
		if total > 12 {
			return []pfx{{"*", false}}
		}
		out := make([]pfx, 0, len(runes))
		seen := map[rune]bool{}
		for _, r := range runes {
			if !seen[r] {
				seen[r] = true
				out = append(out, pfx{string(r), true})
			}
		}
		return out
	case syntax.OpCapture:
		return prefixes(re.Sub[0])
	case syntax.OpAlternate:
		var out []pfx
		for _, s := range re.Sub {
			out = append(out, prefixes(s)...)
		}
		return out
	case syntax.OpQuest:
		return append(prefixes(re.Sub[0]), pfx{"", true})
	case syntax.OpStar:
		if isSpaceClass(re.Sub[0]) {
			return []pfx{{" ", true}, {"", true}}
		}
		return append(closeAll(prefixes(re.Sub[0])), pfx{"", true})
	case syntax.OpRepeat:
		if re.Max >= re.Min && re.Max <= 4 {
			// x{1,3}: the union of x, xx, xxx, each open for what follows.
			var out []pfx
			for k := re.Min; k <= re.Max; k++ {
				c := &syntax.Regexp{Op: syntax.OpConcat}
				for j := 0; j < k; j++ {
					c.Sub = append(c.Sub, re.Sub[0])
				}
				if k == 0 {
					out = append(out, pfx{"", true})
					continue
				}
				out = append(out, prefixes(c)...)
			}
			return dedup(out)
		}
		out := closeAll(prefixes(re.Sub[0]))
		if re.Min == 0 {
			out = append(out, pfx{"", true})
		}
		return out
	case syntax.OpPlus:
		if isSpaceClass(re.Sub[0]) {
			return []pfx{{" ", true}}
		}
		return closeAll(prefixes(re.Sub[0]))
	case syntax.OpConcat:
		cur := []pfx{{"", true}}
		for _, sub := range re.Sub {
			var next []pfx
			var subp []pfx
			for _, c := range cur {
				if !c.open {
					next = append(next, c)
					continue
				}
				if subp == nil {
					subp = prefixes(sub)
				}
				for _, t := range subp {
					switch {
					case t.str == "*":
						if c.str == "" {
							next = append(next, pfx{t.str, false})
						} else {
							next = append(next, pfx{c.str, false})
						}
					default:
						u := c.str + t.str
						if utf8.RuneCountInString(u) >= prefixLen {
							next = append(next, pfx{truncRunes(u, prefixLen), false})
						} else {
							next = append(next, pfx{u, t.open})
						}
					}
				}
			}
			cur = dedup(next)
			if len(cur) > 4096 {
				return []pfx{{"*", false}}
			}
			if !anyOpen(cur) {
				break // the rest of the concatenation extends nothing
			}
		}
		return cur
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []pfx{{"", true}}
	}
	return []pfx{{"*", false}}
}

// required returns strings one of which every match of re contains, in
// lower case, when the pattern has such a set. Literals with digits or
// white space do not count (they are too common or span words).
func required(re *syntax.Regexp) ([]string, bool) {
	return requiredSet(re, func(lit string, _ []rune) bool {
		return !strings.ContainsAny(lit, "0123456789 \t\n")
	})
}

// requiredSet is required with the test a lower-cased literal of at least
// two bytes must pass to count.
func requiredSet(re *syntax.Regexp, literalOK func(lower string, runes []rune) bool) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		s := strings.ToLower(string(re.Rune))
		if len(s) < 2 || !literalOK(s, re.Rune) {
			return nil, false
		}
		return []string{s}, true
	case syntax.OpCapture, syntax.OpPlus:
		return requiredSet(re.Sub[0], literalOK)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredSet(re.Sub[0], literalOK)
		}
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set, ok := requiredSet(sub, literalOK)
			if !ok {
				return nil, false
			}
			out = append(out, set...)
		}
		sort.Strings(out)
		return slicesCompact(out), true
	case syntax.OpConcat:
		var best []string
		bestScore := -1
		for _, sub := range re.Sub {
			set, ok := requiredSet(sub, literalOK)
			if !ok {
				continue
			}
			// Prefer long strings, then few of them.
			m := 1 << 30
			for _, x := range set {
				m = min(m, len(x))
			}
			score := m*100 - len(set)
			if score > bestScore {
				best, bestScore = set, score
			}
		}
		return best, best != nil
	}
	return nil, false
}

func slicesCompact(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// keyString is how runes enter a start key: digits become '#', white
// space one blank, letters lower case. The matcher builds the key of a
// text position the same way (see Find).
func keyString(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteRune(keyRune(r))
	}
	return b.String()
}

func keyRune(r rune) rune {
	switch {
	case r >= '0' && r <= '9':
		return '#'
	case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v':
		return ' '
	case r >= 'A' && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf:
		return r
	}
	return unicode.ToLower(r)
}

func isSpaceClass(re *syntax.Regexp) bool {
	if re.Op != syntax.OpCharClass || len(re.Rune) == 0 {
		return false
	}
	for i := 0; i+1 < len(re.Rune); i += 2 {
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			if keyRune(r) != ' ' {
				return false
			}
		}
	}
	return true
}

func anyOpen(ps []pfx) bool {
	for _, p := range ps {
		if p.open {
			return true
		}
	}
	return false
}

func closeAll(ps []pfx) []pfx {
	out := make([]pfx, len(ps))
	for i, p := range ps {
		out[i] = pfx{p.str, false}
	}
	return out
}

func dedup(ps []pfx) []pfx {
	if len(ps) <= 32 { // most lists: a scan is cheaper than a map
		out := ps[:0]
		for _, p := range ps {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
		return out
	}
	seen := make(map[pfx]bool, len(ps))
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func truncRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
