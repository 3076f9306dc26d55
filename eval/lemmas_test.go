package eval

import (
	"os"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/lexicon"
)

const udDev = "../../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu"

// TestLemmasUD guards the lemma stage's scores on UD German GSD dev (gold
// words as input). The bars sit a little below the figures reached when
// they were set (verb_lemma 0.965, aux_lemma 0.995, verb_aux_lemma 0.976,
// verb_pos F1 0.974, particle_join F1 0.877, noun_lemma 0.912).
func TestLemmasUD(t *testing.T) {
	if _, err := os.Stat(udDev); err != nil {
		t.Skipf("UD German GSD not available (%v); it lives in ../shared/data/ud-german-gsd", err)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ev, err := ScoreLemmasFile(udDev, lex, 20)
	if err != nil {
		t.Fatal(err)
	}
	r := ev.Report(udDev)
	var b strings.Builder
	r.WriteTable(&b)
	t.Log("\n" + b.String())
	for name, bar := range map[string]float64{
		"verb_lemma": 0.95, "aux_lemma": 0.99, "verb_aux_lemma": 0.965, "noun_lemma": 0.89,
	} {
		if got := r.AccuracyOf(name); got < bar {
			t.Errorf("%s = %.4f, below the bar %.2f", name, got, bar)
		}
	}
	for name, bar := range map[string]float64{"verb_pos": 0.96, "particle_join": 0.84} {
		if got := r.Score(name).F1(); got < bar {
			t.Errorf("%s F1 = %.4f, below the bar %.2f", name, got, bar)
		}
	}
	if ev.VerbLemma[1] < 1000 {
		t.Errorf("only %d gold VERB tokens read", ev.VerbLemma[1])
	}
}

func TestReadUDWords(t *testing.T) {
	in := "# text = Er kam zum Gipfel an.\n" +
		"1\tEr\ter\tPRON\tPPER\t_\t2\tnsubj\t_\t_\n" +
		"2\tkam\tkommen\tVERB\tVVFIN\t_\t0\troot\t_\t_\n" +
		"3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_\n" +
		"4\tdem\tder\tDET\tART\t_\t5\tdet\t_\t_\n" +
		"5\tGipfel\tGipfel\tNOUN\tNN\t_\t2\tobl\t_\t_\n" +
		"6\tan\tan\tADP\tPTKVZ\t_\t2\tcompound:prt\t_\t_\n" +
		"7\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_\n\n"
	sents, err := readUDWords(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0]) != 7 || sents[0][2].Form != "zu" || sents[0][5].Deprel != "compound:prt" {
		t.Fatalf("got %+v", sents)
	}
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ev, err := ScoreLemmas(strings.NewReader(in), lex, 0)
	if err != nil {
		t.Fatal(err)
	}
	if ev.VerbLemma != [2]int{1, 1} || ev.ParticleJoin.TP != 1 || ev.NounLemma != [2]int{1, 1} {
		t.Errorf("got %+v", ev)
	}
	if _, err := readUDWords(strings.NewReader("1\tbad\n")); err == nil {
		t.Error("no error on a short line")
	}
}
