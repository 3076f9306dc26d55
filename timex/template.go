package timex

import (
	"fmt"
	"strconv"
	"strings"
)

// template is a value, mod, quant or freq template of a rule: literal text
// with {group|fn|fn} holes. A hole whose group did not take part in the
// match yields "", and so does the whole template when a table has no
// entry for the text (so "mod {m|approx}" is empty without a hedge).
type template struct {
	parts []tpart
}

type tpart struct {
	lit    string
	group  int      // submatch index, -1 for a literal
	fns    []string // table names or builtins, applied left to right
	def    string   // used when the group did not take part ({y?XXXX})
	hasDef bool
}

// builtins are template functions that are code, not tables.
var builtins = map[string]func(string) (string, bool){
	"pad2": func(s string) (string, bool) { return padNum(s, 2) },
	"pad4": func(s string) (string, bool) { return padNum(s, 4) },
	// year2 turns a two-digit year into four digits (99 → 1999, 05 → 2005).
	"year2": func(s string) (string, bool) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return "", false
		}
		if n < 30 {
			return fmt.Sprintf("20%02d", n), true
		}
		return fmt.Sprintf("19%02d", n), true
	},
	// decade turns 1990 or 90 into the TIMEX3 decade 199.
	"decade": func(s string) (string, bool) {
		s, ok := digitsOnly(s)
		if !ok {
			return "", false
		}
		switch len(s) {
		case 4:
			return s[:3], true
		case 2:
			if s[0] < '3' {
				return "20" + s[:1], true
			}
			return "19" + s[:1], true
		}
		return "", false
	},
	// century turns the ordinal 20 (20. Jahrhundert) into the TIMEX3 century 19.
	"century": func(s string) (string, bool) {
		n, err := strconv.Atoi(strings.TrimSuffix(s, "."))
		if err != nil || n < 1 {
			return "", false
		}
		return fmt.Sprintf("%02d", n-1), true
	},
	// minus1 turns an ordinal count into an offset (dritte Woche → +2 weeks).
	"minus1": func(s string) (string, bool) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return "", false
		}
		return strconv.Itoa(n - 1), true
	},
	// prevhour serves "halb neun" (8:30): the hour before, two digits.
	"prevhour": func(s string) (string, bool) {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 24 {
			return "", false
		}
		return fmt.Sprintf("%02d", n-1), true
	},
}

func padNum(s string, n int) (string, bool) {
	s, ok := digitsOnly(s)
	if !ok {
		return "", false
	}
	for len(s) < n {
		s = "0" + s
	}
	return s, true
}

func digitsOnly(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if s == "" {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", false
		}
	}
	return s, true
}

func (rs *Rules) parseTemplate(src string, r *Rule, at string) (*template, error) {
	if r.names == nil {
		return nil, fmt.Errorf("%s: the match line must come before the templates", at)
	}
	t := &template{}
	names := r.names
	for src != "" {
		i := strings.IndexByte(src, '{')
		if i < 0 {
			t.parts = append(t.parts, tpart{lit: src, group: -1})
			break
		}
		if i > 0 {
			t.parts = append(t.parts, tpart{lit: src[:i], group: -1})
		}
		j := strings.IndexByte(src[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("%s: unclosed { in template", at)
		}
		hole := src[i+1 : i+j]
		src = src[i+j+1:]
		def, hasDef := "", false
		if k := strings.IndexByte(hole, '?'); k >= 0 {
			hole, def, hasDef = hole[:k], hole[k+1:], true
		}
		f := strings.Split(hole, "|")
		g := -1
		for k, n := range names {
			if n == f[0] {
				g = k
			}
		}
		if g < 0 {
			return nil, fmt.Errorf("%s: template refers to group %q, which the match has not", at, f[0])
		}
		for _, fn := range f[1:] {
			if _, ok := builtins[fn]; ok {
				continue
			}
			if fn == "num" {
				continue
			}
			pl, ok := rs.patterns[fn]
			if !ok || pl.values == nil {
				return nil, fmt.Errorf("%s: unknown template function or value table %q", at, fn)
			}
		}
		t.parts = append(t.parts, tpart{group: g, fns: f[1:], def: def, hasDef: hasDef})
	}
	return t, nil
}

// render fills the template from the submatch indexes m over text.
func (rs *Rules) render(t *template, text string, m []int) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range t.parts {
		if p.group < 0 {
			b.WriteString(p.lit)
			continue
		}
		if m[2*p.group] < 0 {
			if p.hasDef {
				b.WriteString(p.def)
				continue
			}
			return ""
		}
		s := text[m[2*p.group]:m[2*p.group+1]]
		for _, fn := range p.fns {
			v, ok := rs.apply(fn, s)
			if !ok {
				return ""
			}
			s = v
		}
		b.WriteString(s)
	}
	out := b.String()
	if out == "-" {
		return ""
	}
	return out
}

func (rs *Rules) apply(fn, s string) (string, bool) {
	if f, ok := builtins[fn]; ok {
		return f(s)
	}
	if fn == "num" {
		// A quantity: digits (decimal comma allowed) or a number word.
		t := strings.TrimSpace(s)
		if d, ok := digitsOnly(t); ok {
			return strings.TrimLeft(d, "0"), d != "" && strings.Trim(d, "0") != ""
		}
		if strings.Contains(t, ",") {
			return strings.Replace(t, ",", ".", 1), true
		}
		k := normKey(t)
		for _, tab := range []string{"number", "fraction"} {
			if pl := rs.patterns[tab]; pl != nil {
				if v, ok := pl.values[k]; ok {
					return v, true
				}
			}
		}
		return "", false
	}
	v, ok := rs.patterns[fn].values[normKey(s)]
	return v, ok
}
