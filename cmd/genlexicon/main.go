// Command genlexicon derives the small embedded lexicon files in
// models/lexicon/ from LanguageTool's german-pos-dict (Morphy) dump in
// ../shared/data/lexicon/german-pos-dict/. The output is deterministic:
// running it again must reproduce the files byte for byte.
//
//	go run ./cmd/genlexicon [-data ../shared/data] [-out models/lexicon]
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	data := flag.String("data", "../shared/data", "folder of the shared data")
	out := flag.String("out", "models/lexicon", "output folder")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genlexicon:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	src := filepath.Join(data, "lexicon", "german-pos-dict")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	verbs, err := buildVerbs(filepath.Join(src, "verbs.tsv"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "verbs.tsv"), verbs, 0o644); err != nil {
		return err
	}
	sep, err := buildSeparable(filepath.Join(src, "separable-verbs.tsv"), filepath.Join(src, "verbs.tsv"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "separable.tsv"), sep, 0o644); err != nil {
		return err
	}
	countries, err := readCountries(filepath.Join(data, "countries", "i18n-iso-countries_de.json"))
	if err != nil {
		return err
	}
	infs, err := nominalisedInfinitives(filepath.Join(src, "readings.tsv.gz"))
	if err != nil {
		return err
	}
	nouns, names, err := buildNouns(filepath.Join(src, "forms.tsv"), countries, infs)
	if err != nil {
		return err
	}
	homographs, err := buildHomographs(filepath.Join(src, "forms.tsv"), verbs)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "verb-homographs.tsv"), homographs, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "nouns.tsv"), nouns, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "names.tsv"), names, 0o644); err != nil {
		return err
	}
	fw, err := buildFunctionWords(filepath.Join(src, "readings.tsv.gz"))
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "function-words.tsv"), fw, 0o644)
}

func eachLine(path string, fn func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return err
		}
	}
	return sc.Err()
}

// repairLemma fixes the truncated verb lemmas of the source
// (aufrechterhalte → aufrechterhalten) where appending the lost "n" gives
// a plausible infinitive, and rejects the rest.
func repairLemma(l string) (string, bool) {
	if strings.HasSuffix(l, "n") {
		return l, true
	}
	if strings.HasSuffix(l, "e") || strings.HasSuffix(l, "el") || strings.HasSuffix(l, "er") {
		return l + "n", true
	}
	return "", false
}

// verbCode turns one Morphy VER tag (without "VER:") into the compact code
// of models/lexicon/SOURCE.md: person, number, tense, mood, then flags.
//
// The strong flag (Morphy NON) is returned apart: the AUX:/MOD: copies of a
// reading lack it, and the two must merge into one reading.
func verbCode(tag string) (code string, aux, modal, strong bool, ok bool) {
	parts := strings.Split(tag, ":")
	switch parts[0] {
	case "AUX":
		aux = true
		parts = parts[1:]
	case "MOD":
		modal = true
		parts = parts[1:]
	}
	if len(parts) == 0 {
		return "", false, false, false, false
	}
	person, number, tense, mood := byte('-'), byte('-'), byte(0), byte('-')
	var flags []byte
	switch parts[0] {
	case "INF":
		tense = 'I'
	case "EIZ":
		tense = 'Z'
	case "PA1":
		tense = '1'
	case "PA2":
		tense = '2'
	case "IMP":
		tense, mood = 'P', 'M'
		if len(parts) > 1 {
			number = numCode(parts[1])
		}
	case "1", "2", "3":
		if len(parts) < 3 {
			return "", false, false, false, false
		}
		person = parts[0][0]
		number = numCode(parts[1])
		switch parts[2] {
		case "PRÄ":
			tense, mood = 'P', 'I'
		case "PRT":
			tense, mood = 'T', 'I'
		case "KJ1":
			tense, mood = 'P', 'S'
		case "KJ2":
			tense, mood = 'T', 'W'
		default:
			return "", false, false, false, false
		}
	default:
		return "", false, false, false, false
	}
	for _, p := range parts[1:] {
		switch p {
		case "NEB":
			flags = append(flags, 'n')
		case "NON":
			strong = true
		}
	}
	return string([]byte{person, number, tense, mood}) + string(flags), aux, modal, strong, true
}

func numCode(s string) byte {
	switch s {
	case "SIN":
		return 's'
	case "PLU":
		return 'p'
	}
	return '-'
}

// buildVerbs writes "form<TAB>lemma<TAB>code,code,..." sorted by form and
// lemma, forms lower-cased (the source lists sentence-initial capitals as
// separate forms), lemma "=" when it equals the form.
func buildVerbs(path string) ([]byte, error) {
	type key struct{ form, lemma string }
	type rd struct {
		code               string
		aux, modal, strong bool
	}
	m := map[key]map[string]*rd{}
	err := eachLine(path, func(f []string) error {
		if len(f) < 3 {
			return nil
		}
		lemma, ok := repairLemma(f[1])
		if !ok || strings.Contains(lemma, " ") { // "Rad fahren": not one word
			return nil
		}
		k := key{strings.ToLower(f[0]), lemma}
		codes := m[k]
		if codes == nil {
			codes = map[string]*rd{}
			m[k] = codes
		}
		for _, t := range strings.Split(f[2], "|") {
			c, aux, modal, strong, ok := verbCode(t)
			if !ok {
				continue
			}
			r := codes[c]
			if r == nil {
				r = &rd{code: c}
				codes[c] = r
			}
			r.aux = r.aux || aux
			r.modal = r.modal || modal
			r.strong = r.strong || strong
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	keys := make([]key, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].form != keys[j].form {
			return keys[i].form < keys[j].form
		}
		return keys[i].lemma < keys[j].lemma
	})
	var b bytes.Buffer
	for _, k := range keys {
		var cs []string
		for _, r := range m[k] {
			c := r.code
			if r.strong {
				c += "s"
			}
			if r.aux {
				c += "a"
			}
			if r.modal {
				c += "m"
			}
			cs = append(cs, c)
		}
		if len(cs) == 0 {
			continue
		}
		sort.Strings(cs)
		lemma := k.lemma
		if lemma == k.form {
			lemma = "="
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", k.form, lemma, strings.Join(cs, ","))
	}
	return b.Bytes(), nil
}

// buildSeparable writes "particle<TAB>base<TAB>lemma" sorted. The source
// table was derived from zu-infinitives and misses verbs whose
// zu-infinitive Morphy lacks (hinzufügen); every verb with a joined
// subordinate-clause form (NEB: hinzufügte) is separable, so those are
// added by splitting off the longest base that is itself a verb lemma.
func buildSeparable(path, verbsPath string) ([]byte, error) {
	var lines []string
	known := map[string]bool{}
	err := eachLine(path, func(f []string) error {
		if len(f) < 3 || f[1] == "" || f[2] == "" {
			return nil
		}
		lines = append(lines, f[1]+"\t"+f[2]+"\t"+f[0])
		known[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A base that is itself separable (hin + zufügen, zufügen = zu + fügen)
	// means the whole compound particle detaches: "fügte hinzu".
	inner := map[string][2]string{}
	for _, line := range lines {
		f := strings.Split(line, "\t")
		inner[f[2]] = [2]string{f[0], f[1]}
	}
	for _, line := range append([]string(nil), lines...) {
		f := strings.Split(line, "\t")
		if pb, ok := inner[f[1]]; ok {
			lines = append(lines, f[0]+pb[0]+"\t"+pb[1]+"\t"+f[2])
		}
	}
	lemmas := map[string]bool{}
	joined := map[string]bool{}
	err = eachLine(verbsPath, func(f []string) error {
		if len(f) < 3 {
			return nil
		}
		lemma, ok := repairLemma(f[1])
		if !ok {
			return nil
		}
		lemmas[lemma] = true
		if strings.Contains(f[2], ":NEB") {
			joined[lemma] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for lemma := range joined {
		if known[lemma] {
			continue
		}
		// Longest proper base first: anerkennen = an + erkennen, not aner + kennen.
		for i := 2; i < len(lemma)-3; i++ {
			if !utf8.RuneStart(lemma[i]) {
				continue
			}
			if base := lemma[i:]; lemmas[base] {
				lines = append(lines, lemma[:i]+"\t"+base+"\t"+lemma)
				break
			}
		}
	}
	sort.Strings(lines)
	lines = dedup(lines)
	return []byte(strings.Join(lines, "\n") + "\n"), nil
}

func dedup(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func readCountries(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var v struct {
		Countries map[string]any `json:"countries"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, x := range v.Countries {
		switch n := x.(type) {
		case string:
			set[n] = true
		case []any:
			for _, y := range n {
				if s, ok := y.(string); ok {
					set[s] = true
				}
			}
		}
	}
	return set, nil
}

// acronym reports lemmas such as USA, CDU, EU: Morphy files them as common
// nouns, but in news they name places and organisations.
func acronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// buildNouns splits the capitalised forms of forms.tsv into common nouns
// ("form<TAB>lemma", lemma "=" when equal) and names
// ("form<TAB>lemma<TAB>types"). A form with any proper-name reading, an
// acronym lemma, or a country name is not a common noun.
func buildNouns(path string, countries map[string]bool, infs map[string]bool) (nouns, names []byte, err error) {
	type entry struct {
		lemmas map[string]bool
		name   map[string]string // lemma → types
	}
	m := map[string]*entry{}
	get := func(form string) *entry {
		e := m[form]
		if e == nil {
			e = &entry{lemmas: map[string]bool{}, name: map[string]string{}}
			m[form] = e
		}
		return e
	}
	err = eachLine(path, func(f []string) error {
		if len(f) < 3 {
			return nil
		}
		form, lemma := f[0], f[1]
		if r, _ := utf8.DecodeRuneInString(form); !unicode.IsUpper(r) {
			return nil
		}
		var types []string
		sub := false
		for _, c := range strings.Split(f[2], ",") {
			switch {
			case strings.HasPrefix(c, "SUB"):
				sub = true
			case strings.HasPrefix(c, "EIG:"):
				types = append(types, strings.TrimPrefix(c, "EIG:"))
			}
		}
		if len(types) > 0 {
			e := get(form)
			sort.Strings(types)
			e.name[lemma] = strings.Join(types, ",")
		}
		if sub {
			get(form).lemmas[lemma] = true
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	forms := make([]string, 0, len(m))
	for f := range m {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	var nb, eb bytes.Buffer
	for _, form := range forms {
		e := m[form]
		if len(e.name) > 0 {
			ls := sortedKeys(e.name)
			for _, l := range ls {
				fmt.Fprintf(&eb, "%s\t%s\t%s\n", form, eq(l, form), e.name[l])
			}
			continue
		}
		if len(e.lemmas) == 0 || countries[form] {
			continue
		}
		var keep []string
		for l := range e.lemmas {
			if !acronym(l) && !countries[l] {
				keep = append(keep, l)
			}
		}
		if len(keep) == 0 {
			continue
		}
		// A nominalised infinitive (das Stunden, das Fragen) is the rare
		// reading of a plural form: prefer the other lemma (Stunde, Frage).
		if len(keep) > 1 {
			var plain []string
			for _, l := range keep {
				if !infs[form+"\t"+l] {
					plain = append(plain, l)
				}
			}
			if len(plain) > 0 {
				keep = plain
			}
		}
		fmt.Fprintf(&nb, "%s\t%s\n", form, eq(bestLemma(form, keep), form))
	}
	return nb.Bytes(), eb.Bytes(), nil
}

func eq(lemma, form string) string {
	if lemma == form {
		return "="
	}
	return lemma
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// homographClasses are the word classes whose forms can also be verb forms
// (einen: article and verb; sein: pronoun and verb; weiß: adjective and
// verb). Participles (PA1, PA2) are left out: they are verb forms.
var homographClasses = map[string]bool{
	"ADJ": true, "ADV": true, "ART": true, "PRO": true, "PRP": true, "KON": true,
	"NEG": true, "ZAL": true, "INJ": true, "ABK": true,
}

// buildHomographs writes "form<TAB>classes" for every lower-case verb form
// of verbs (the generated verbs.tsv) that forms.tsv also lists, with the
// same spelling, under another word class.
func buildHomographs(path string, verbs []byte) ([]byte, error) {
	verbForms := map[string]bool{}
	for _, line := range strings.Split(string(verbs), "\n") {
		if form, _, ok := strings.Cut(line, "\t"); ok {
			verbForms[form] = true
		}
	}
	other := map[string]map[string]bool{}
	err := eachLine(path, func(f []string) error {
		if len(f) < 3 || !verbForms[f[0]] {
			return nil
		}
		for _, c := range strings.Split(f[2], ",") {
			if homographClasses[c] {
				if other[f[0]] == nil {
					other[f[0]] = map[string]bool{}
				}
				other[f[0]][c] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return formatClasses(other), nil
}

// bestLemma picks one lemma for a noun form with several (Reise: Reise,
// Reis; Weisen: Weise, Waise), so that the lookup stays one string per
// form: the one sharing the longest prefix with the form, then the first
// in byte order.
func bestLemma(form string, lemmas []string) string {
	sort.Strings(lemmas)
	best, bestN := "", -1
	for _, l := range lemmas {
		n := 0
		for n < len(l) && n < len(form) && l[n] == form[n] {
			n++
		}
		if l == form {
			n = len(form) + 1
		}
		if n > bestN {
			best, bestN = l, n
		}
	}
	return best
}

// functionClasses are the closed word classes kept in function-words.tsv.
// DET is added for forms that can stand before a noun.
// Articles and pronouns keep their subtype (PRO:PER personal, PRO:POS
// possessive, PRO:DEM demonstrative, PRO:IND indefinite, PRO:REF
// reflexive, PRO:RIN relative/interrogative, ART:DEF, ART:IND).
var functionClasses = map[string]bool{
	"ART": true, "PRO": true, "PRP": true, "KON": true, "ADV": true, "NEG": true,
	"ZAL": true, "INJ": true, "ZUS": true, "ABK": true,
}

// buildFunctionWords writes "form<TAB>classes" for every form with a
// closed-class reading in readings.tsv.gz.
func buildFunctionWords(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	m := map[string]map[string]bool{}
	br := bufio.NewReaderSize(zr, 1<<20)
	for {
		line, err := br.ReadString('\n')
		if line != "" && !strings.HasPrefix(line, "#") {
			fs := strings.Split(strings.TrimRight(line, "\n"), "\t")
			if len(fs) == 3 {
				parts := strings.Split(fs[2], ":")
				if functionClasses[parts[0]] {
					c := parts[0]
					if (c == "ART" || c == "PRO") && len(parts) > 1 {
						c += ":" + parts[1]
					}
					if m[fs[0]] == nil {
						m[fs[0]] = map[string]bool{}
					}
					m[fs[0]][c] = true
					// DET: can stand before a noun (article, or a pronoun
					// reading marked BEG "begleitend" or B/S "both").
					if last := parts[len(parts)-1]; parts[0] == "ART" || last == "BEG" || last == "B/S" {
						m[fs[0]]["DET"] = true
					}
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return formatClasses(m), nil
}

// nominalisedInfinitives returns the "form<TAB>lemma" pairs whose noun
// readings are all nominalised infinitives (SUB:…:INF).
func nominalisedInfinitives(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	inf, other := map[string]bool{}, map[string]bool{}
	br := bufio.NewReaderSize(zr, 1<<20)
	for {
		line, err := br.ReadString('\n')
		if strings.Contains(line, "\tSUB:") {
			fs := strings.Split(strings.TrimRight(line, "\n"), "\t")
			if len(fs) == 3 && strings.HasPrefix(fs[2], "SUB:") {
				k := fs[0] + "\t" + fs[1]
				if strings.HasSuffix(fs[2], ":INF") {
					inf[k] = true
				} else {
					other[k] = true
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	for k := range other {
		delete(inf, k)
	}
	return inf, nil
}

// formatClasses writes "form<TAB>class,class" lines, forms and classes
// sorted, so the generated files are byte-for-byte reproducible.
func formatClasses(m map[string]map[string]bool) []byte {
	forms := make([]string, 0, len(m))
	for f := range m {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	var b bytes.Buffer
	for _, f := range forms {
		cs := make([]string, 0, len(m[f]))
		for c := range m[f] {
			cs = append(cs, c)
		}
		sort.Strings(cs)
		fmt.Fprintf(&b, "%s\t%s\n", f, strings.Join(cs, ","))
	}
	return b.Bytes()
}
