package lexicon_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/ereignis/ereignis/internal/benchdata"
	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/lexicon"
)

func lex(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	l, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestVerbLemma(t *testing.T) {
	l := lex(t)
	for form, want := range map[string]string{
		"getroffen":        "treffen",
		"traf":             "treffen",
		"Traf":             "treffen",
		"träfe":            "treffen",
		"hieß":             "heißen",
		"teilzunehmen":     "teilnehmen",
		"anzukündigen":     "ankündigen",
		"angekündigt":      "ankündigen",
		"kündigte":         "kündigen",
		"sagte":            "sagen",
		"erwäge":           "erwägen",
		"aufrechterhalten": "aufrechterhalten",
		"Präsident":        "",
	} {
		if got := l.VerbLemma(form); got != want {
			t.Errorf("VerbLemma(%q) = %q, want %q", form, got, want)
		}
	}
}

func has(rs []lexicon.VerbReading, f func(lexicon.VerbReading) bool) bool {
	for _, r := range rs {
		if f(r) {
			return true
		}
	}
	return false
}

func TestMoodAndTense(t *testing.T) {
	l := lex(t)
	cases := []struct {
		form  string
		lemma string
		tense lexicon.Tense
		mood  lexicon.Mood
	}{
		{"sei", "sein", lexicon.Present, lexicon.Subjunctive1},
		{"habe", "haben", lexicon.Present, lexicon.Subjunctive1},
		{"erwäge", "erwägen", lexicon.Present, lexicon.Subjunctive1},
		{"würde", "werden", lexicon.Past, lexicon.Subjunctive2},
		{"könnte", "können", lexicon.Past, lexicon.Subjunctive2},
		{"wäre", "sein", lexicon.Past, lexicon.Subjunctive2},
		{"traf", "treffen", lexicon.Past, lexicon.Indicative},
		{"trifft", "treffen", lexicon.Present, lexicon.Indicative},
		{"getroffen", "treffen", lexicon.Participle, lexicon.NoMood},
		{"teilzunehmen", "teilnehmen", lexicon.ZuInfinitive, lexicon.NoMood},
		{"reisen", "reisen", lexicon.Infinitive, lexicon.NoMood},
	}
	for _, c := range cases {
		rs := l.VerbReadings(c.form)
		if !has(rs, func(r lexicon.VerbReading) bool {
			return r.Lemma == c.lemma && r.Tense == c.tense && r.Mood == c.mood
		}) {
			t.Errorf("%s: no reading %s %s %s in %+v", c.form, c.lemma, c.tense, c.mood, rs)
		}
	}
	// Konjunktiv I of sein has no indicative reading: "sei" is a safe cue for
	// reported speech.
	if has(l.VerbReadings("sei"), func(r lexicon.VerbReading) bool { return r.Mood == lexicon.Indicative }) {
		t.Error("sei has an indicative reading")
	}
	if !has(l.VerbReadings("würde"), func(r lexicon.VerbReading) bool { return r.Aux }) {
		t.Error("würde is not marked as auxiliary")
	}
	if !has(l.VerbReadings("könnte"), func(r lexicon.VerbReading) bool { return r.Modal }) {
		t.Error("könnte is not marked as modal")
	}
	if !has(l.VerbReadings("traf"), func(r lexicon.VerbReading) bool { return r.Person == 3 && r.Number == lexicon.Singular }) {
		t.Error("traf has no 3rd person singular reading")
	}
}

func TestSeparable(t *testing.T) {
	l := lex(t)
	for _, p := range []string{"an", "teil", "statt", "fest", "zurück"} {
		if !l.IsSeparablePrefix(p) {
			t.Errorf("IsSeparablePrefix(%q) = false", p)
		}
	}
	for _, p := range []string{"der", "Putin", "gestern"} {
		if l.IsSeparablePrefix(p) {
			t.Errorf("IsSeparablePrefix(%q) = true", p)
		}
	}
	cases := []struct{ prefix, base, want string }{
		{"an", "kündigen", "ankündigen"},
		{"teil", "nehmen", "teilnehmen"},
		{"statt", "finden", "stattfinden"},
		{"fest", "nehmen", "festnehmen"},
		{"an", "treffen", "antreffen"},
		{"an", "sagen", "ansagen"},
		{"teil", "sagen", ""},
	}
	for _, c := range cases {
		if got := l.SeparableLemma(c.prefix, c.base); got != c.want {
			t.Errorf("SeparableLemma(%q, %q) = %q, want %q", c.prefix, c.base, got, c.want)
		}
	}
}

func TestNouns(t *testing.T) {
	l := lex(t)
	for _, w := range []string{"Präsident", "Präsidenten", "Treffen", "Möglichkeit", "Außenminister", "Sanktionen"} {
		if !l.IsCommonNoun(w) {
			t.Errorf("IsCommonNoun(%q) = false", w)
		}
	}
	for _, w := range []string{"Putin", "Trump", "Peskow", "Europa", "Müller", "USA", "Schweiz", "treffen"} {
		if l.IsCommonNoun(w) {
			t.Errorf("IsCommonNoun(%q) = true", w)
		}
	}
	for _, w := range []string{"Putin", "Putins", "Berlin", "Europa"} {
		if !l.IsName(w) {
			t.Errorf("IsName(%q) = false", w)
		}
	}
	if l.IsName("Präsident") {
		t.Error("IsName(Präsident) = true")
	}
	for form, want := range map[string]string{"Präsidenten": "Präsident", "Sanktionen": "Sanktion", "PRÄSIDENTEN": "Präsident"} {
		if got := l.NounLemma(form); got != want {
			t.Errorf("NounLemma(%q) = %q, want %q", form, got, want)
		}
	}
	cases := []struct{ form, lemma, head string }{
		{"Gipfeltreffen", "Gipfeltreffen", "Treffen"},
		{"US-Präsidenten", "US-Präsident", "Präsident"},
		{"Wirtschaftsministers", "Wirtschaftsminister", "Minister"},
	}
	for _, c := range cases {
		lemma, head, ok := l.CompoundHead(c.form)
		if !ok || lemma != c.lemma || head != c.head {
			t.Errorf("CompoundHead(%q) = %q, %q, %v; want %q, %q", c.form, lemma, head, ok, c.lemma, c.head)
		}
	}
}

// TestLoadTime guards the start-up cost of the pipeline: the lexicon is
// loaded once per process. It measures CPU time, not wall time, so that a
// busy machine does not fail it; the budget is ~300 ms on one core.
func TestLoadTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	cpu0 := benchdata.CPUTime()
	start := time.Now()
	l, err := lexicon.Load()
	if err != nil {
		t.Fatal(err)
	}
	wall, cpu := time.Since(start), benchdata.CPUTime()-cpu0
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("load: wall %v, cpu %v, live heap %.1f MB, %v", wall, cpu, float64(after.HeapAlloc-before.HeapAlloc)/1e6, l.Stats())
	if cpu > 1500*time.Millisecond {
		t.Errorf("lexicon load took %v of CPU", cpu)
	}
	runtime.KeepAlive(l)
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0, iters := benchdata.CPUTime(), 0
	for b.Loop() {
		iters++
		if _, err := lexicon.Load(); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := benchdata.CPUTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(iters), "cpu-ms/op")
	}
}

func BenchmarkVerbReadings(b *testing.B) {
	l := lex(b)
	words := []string{"traf", "Präsident", "kündigte", "der", "hatte", "getroffen", "Sanktionen"}
	for b.Loop() {
		for _, w := range words {
			l.VerbReadings(w)
		}
	}
}
