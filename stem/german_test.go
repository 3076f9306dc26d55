package stem_test

import (
	"os"
	"strings"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/stem"
)

const vocDir = "../../shared/data/snowball-german/"

// officialVocabulary reads the Snowball project's German test vocabulary
// and its reference stems.
func officialVocabulary(t testing.TB) (words, stems []string) {
	t.Helper()
	v, err := os.ReadFile(vocDir + "voc.txt")
	if err != nil {
		t.Skipf("official vocabulary not available (%v); it lives in ../shared/data/snowball-german", err)
	}
	o, err := os.ReadFile(vocDir + "output.txt")
	if err != nil {
		t.Skipf("official output not available: %v", err)
	}
	words = strings.Split(strings.TrimRight(string(v), "\n"), "\n")
	stems = strings.Split(strings.TrimRight(string(o), "\n"), "\n")
	if len(words) != len(stems) || len(words) < 30000 {
		t.Fatalf("voc.txt has %d lines, output.txt %d", len(words), len(stems))
	}
	return words, stems
}

func checkVocabulary(t *testing.T, name string, f func(string) string) {
	words, stems := officialVocabulary(t)
	bad := 0
	for i, w := range words {
		if got := f(w); got != stems[i] {
			bad++
			if bad <= 20 {
				t.Errorf("%s(%q) = %q, want %q", name, w, got, stems[i])
			}
		}
	}
	t.Logf("%s: %d mismatches of %d words", name, bad, len(words))
	if bad > 0 {
		t.Errorf("%s: %d mismatches against the official stems", name, bad)
	}
}

func TestSnowballwordOfficialVocabulary(t *testing.T) {
	checkVocabulary(t, "stem.Stem", stem.Stem)
}

func TestStemExamples(t *testing.T) {
	for w, want := range map[string]string{
		"präsidenten":   "prasident",
		"treffen":       "treff",
		"getroffen":     "getroff",
		"sanktionen":    "sanktion",
		"möglichkeiten": "moglich",
		"straße":        "strass",
		"":              "",
		"a":             "a",
	} {
		if got := stem.Stem(w); got != want {
			t.Errorf("Stem(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestGeneratedV09 measures the published generated code against the
// current vocabulary. It predates the current algorithm, so it is expected
// to differ; the test pins the known size of that difference so that a
// library upgrade that closes it is noticed (then switch the comparison to
// checkVocabulary and consider it for the pipeline).
func TestGeneratedV09(t *testing.T) {
	words, stems := officialVocabulary(t)
	bad := 0
	for i, w := range words {
		if stem.Generated(w) != stems[i] {
			bad++
		}
	}
	t.Logf("stem.Generated (blevesearch/snowballstem v0.9.0): %d mismatches of %d words", bad, len(words))
	if bad != 1247 {
		t.Errorf("Generated: %d mismatches, was 1247 with snowballstem v0.9.0; the dependency changed", bad)
	}
}

func TestEnvOfficialVocabulary(t *testing.T) {
	checkVocabulary(t, "stem.StemEnv", stem.StemEnv)
}
