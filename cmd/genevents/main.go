// Command genevents derives the small word-form tables of the event stage
// from LanguageTool's german-pos-dict (../shared/data/lexicon): every form of
// the trigger, cue and modality lemmas in models/events (so that "traf",
// "hieß", "kündigte ... an" and "Treffens" reach their lemma even when no
// lemma stage ran), and the third-person Konjunktiv I forms of all verbs
// (reported speech). Run from the repository root:
//
//	go run ./cmd/genevents -lexicon ../shared/data/lexicon/german-pos-dict
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// auxiliaries are needed for tense, mood and modality even though they are
// no triggers.
var auxiliaries = []string{"sein", "haben", "werden", "können", "sollen", "müssen", "wollen", "dürfen", "mögen", "heißen", "geben", "lassen", "scheinen", "bleiben", "stehen", "bestehen", "führen", "halten"}

func main() {
	lex := flag.String("lexicon", "../shared/data/lexicon/german-pos-dict", "folder of german-pos-dict")
	out := flag.String("out", "models/events", "output folder")
	flag.Parse()
	if err := run(*lex, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genevents:", err)
		os.Exit(1)
	}
}

func readLemmas(path string, col int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) > 1 && fs[1] == "nach" {
			continue // nouns of "nach Angaben"-cues are matched as written
		}
		if len(fs) > col {
			out = append(out, fs[col])
		}
	}
	return out, sc.Err()
}

// feature letters: 1 = Konjunktiv I (3rd person), 2 = Konjunktiv II,
// p = preterite, r = present, i = infinitive, z = zu-infinitive,
// a = past participle, n = noun form.
func features(tags string) string {
	set := map[byte]bool{}
	// Konjunktiv I counts only where it differs from the indicative of the
	// same person and number (er sei, sie seien; not sie haben).
	for _, pn := range []string{"3:SIN", "3:PLU"} {
		if strings.Contains(tags, pn+":KJ1") && !strings.Contains(tags, pn+":PRÄ") {
			set['1'] = true
		}
	}
	for _, t := range strings.Split(tags, "|") {
		switch {
		case strings.Contains(t, "KJ1"):
		case strings.Contains(t, "KJ2"):
			set['2'] = true
		case strings.Contains(t, "PRT"):
			set['p'] = true
		case strings.Contains(t, "PRÄ"):
			set['r'] = true
		case strings.HasPrefix(t, "INF") || strings.Contains(t, ":INF"):
			set['i'] = true
		case strings.HasPrefix(t, "EIZ"):
			set['z'] = true
		case strings.HasPrefix(t, "PA2"):
			set['a'] = true
		}
	}
	var b []byte
	for _, c := range []byte("12prizan") {
		if set[c] {
			b = append(b, c)
		}
	}
	return string(b)
}

func run(lexDir, outDir string) error {
	want := map[string]bool{}
	nouns := map[string]bool{}
	for _, f := range []struct {
		name string
		col  int
	}{{"triggers.tsv", 0}, {"cues.tsv", 0}, {"modality.tsv", 0}, {"support.txt", 0}} {
		ls, err := readLemmas(filepath.Join(outDir, f.name), f.col)
		if err != nil {
			return err
		}
		for _, l := range ls {
			if l != strings.ToLower(l) {
				nouns[l] = true
			} else {
				want[l] = true
			}
		}
	}
	for _, a := range auxiliaries {
		want[a] = true
	}
	// Separable verbs appear split in V2 clauses: their base verb's forms
	// must be known too (kündigte → kündigen, joined with "an" later).
	seps, err := os.Open(filepath.Join(lexDir, "separable-verbs.tsv"))
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(seps)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) >= 3 && want[fs[0]] {
			want[fs[2]] = true
		}
	}
	seps.Close()

	type entry struct{ form, lemma, feat string }
	var entries []entry
	kj1 := map[string]bool{}
	vf, err := os.Open(filepath.Join(lexDir, "verbs.tsv"))
	if err != nil {
		return err
	}
	sc = bufio.NewScanner(vf)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 3 {
			continue
		}
		form, lemma, tags := fs[0], fs[1], fs[2]
		if form != strings.ToLower(form) {
			continue // capitalised verb forms are sentence-initial duplicates
		}
		if want[lemma] {
			entries = append(entries, entry{form, lemma, features(tags)})
		}
		if strings.Contains(tags, "3:SIN:KJ1") && !strings.Contains(tags, "3:SIN:PRÄ") && !strings.Contains(tags, "2:") {
			kj1[form] = true
		}
	}
	vf.Close()

	ff, err := os.Open(filepath.Join(lexDir, "forms.tsv"))
	if err != nil {
		return err
	}
	sc = bufio.NewScanner(ff)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 3 {
			continue
		}
		// a Konjunktiv form that is also another word (eine, lange, erste)
		// is no evidence of reported speech
		if kj1[fs[0]] && fs[2] != "VER" {
			for _, c := range strings.Split(fs[2], ",") {
				if c != "VER" && c != "PA1" && c != "PA2" {
					delete(kj1, fs[0])
					break
				}
			}
		}
		if !nouns[fs[1]] || !strings.Contains(fs[2], "SUB") {
			continue
		}
		entries = append(entries, entry{fs[0], fs[1], "n"})
	}
	ff.Close()
	for n := range nouns { // nouns missing from the dictionary still match their base form
		entries = append(entries, entry{n, n, "n"})
	}

	sort.Slice(entries, func(i, j int) bool {
		if entries[i].form != entries[j].form {
			return entries[i].form < entries[j].form
		}
		return entries[i].lemma < entries[j].lemma
	})
	var b strings.Builder
	b.WriteString("# form\tlemma\tfeatures — generated by `go run ./cmd/genevents`; do not edit.\n")
	b.WriteString("# Derived from LanguageTool german-pos-dict (Morphy / korrekturen.de), CC BY-SA 4.0; see SOURCE.md.\n")
	last := ""
	for _, e := range entries {
		line := e.form + "\t" + e.lemma + "\t" + e.feat + "\n"
		if line == last {
			continue
		}
		last = line
		b.WriteString(line)
	}
	if err := os.WriteFile(filepath.Join(outDir, "forms.tsv"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	ks := make([]string, 0, len(kj1))
	for k := range kj1 {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	kb := "# Third-person singular Konjunktiv I forms that are not also indicative — generated by `go run ./cmd/genevents`.\n# Derived from LanguageTool german-pos-dict (Morphy / korrekturen.de), CC BY-SA 4.0; see SOURCE.md.\n" + strings.Join(ks, "\n") + "\n"
	return os.WriteFile(filepath.Join(outDir, "konjunktiv1.txt"), []byte(kb), 0o644)
}
