package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
)

// udWord is one syntactic word of a CoNLL-U sentence.
type udWord struct {
	Form, Lemma, UPOS, XPOS, Deprel string
	Head                            int  // 1-based index of the head word, 0 for the root
	NoSpace                         bool // SpaceAfter=No: the next word touches this one
}

// readUDWords reads the syntactic words of every sentence of a CoNLL-U
// file. Multi-word token lines (zum) are skipped in favour of the words
// they cover (zu, dem), since lemmas belong to words.
func readUDWords(r io.Reader) ([][]udWord, error) {
	var out [][]udWord
	var cur []udWord
	mwtEnd, mwtNoSpace := 0, false // the last word of a multi-word token takes its SpaceAfter
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur, mwtEnd = nil, 0
			continue
		}
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(f))
		}
		if strings.Contains(f[0], ".") {
			continue
		}
		noSpace := strings.Contains(f[9], "SpaceAfter=No")
		if _, end, ok := strings.Cut(f[0], "-"); ok {
			fmt.Sscanf(end, "%d", &mwtEnd)
			mwtNoSpace = noSpace
			continue
		}
		id, head := 0, 0
		fmt.Sscanf(f[0], "%d", &id)
		fmt.Sscanf(f[6], "%d", &head)
		if id == mwtEnd {
			noSpace = mwtNoSpace
		}
		cur = append(cur, udWord{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Head: head, Deprel: f[7], NoSpace: noSpace})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, sc.Err()
}

// udDocument turns gold words into a one-sentence document, one token per
// word, so the lemmatiser sees exactly the gold tokenisation. Words are
// separated by a space unless SpaceAfter=No says they touch, so hyphens
// inside compounds (Asien-Reise) look as they do in running text.
func udDocument(words []udWord) *document.Document {
	var b strings.Builder
	toks := make([]document.Token, len(words))
	for i, w := range words {
		if i > 0 && !words[i-1].NoSpace {
			b.WriteByte(' ')
		}
		start := b.Len()
		b.WriteString(w.Form)
		toks[i] = document.Token{Start: start, End: b.Len(), Text: w.Form, Kind: kindOf(w.Form)}
	}
	d := document.New("", "", b.String())
	d.Tokens = toks
	d.Sentences = []document.Sentence{{Start: 0, End: b.Len(), TokStart: 0, TokEnd: len(toks)}}
	return d
}

func kindOf(s string) document.Kind {
	letter, digit := false, false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	switch {
	case letter:
		return document.KindWord
	case digit:
		return document.KindNumber
	}
	return document.KindPunct
}

// LemmaEval is the outcome of scoring the lemmatiser on a treebank.
type LemmaEval struct {
	VerbLemma, AuxLemma, NounLemma [2]int // correct, total
	// ParticleJoin counts joined lemmas: TP a join with the right lemma on
	// a verb whose particle stands apart in the gold, FP any other join,
	// FN a gold particle verb without the right join.
	VerbPOS, AuxPOS, ParticleJoin Counts
	// Errors lists the most frequent verb/AUX lemma errors as
	// "form gold→ours ×n".
	Errors []string
}

// ScoreLemmas lemmatises every sentence of a CoNLL-U file with lex, on the
// gold words, and compares with the gold lemmas and UPOS.
//
// UD German GSD lemmatises a verb whose particle stands apart under the
// verb's own lemma (fand … statt → finden, with the particle as
// compound:prt), and participles and zu-infinitives under the infinitive
// (angekündigt → ankündigen). verb_lemma and aux_lemma therefore compare
// the lemma of the form alone (Analysis.Base); particle_join checks the
// lemma the pipeline shows (Analysis.Lemma) on those verbs against
// particle + gold lemma (finden + statt → stattfinden).
func ScoreLemmas(r io.Reader, lex *lexicon.Lexicon, maxErrors int) (*LemmaEval, error) {
	sents, err := readUDWords(r)
	if err != nil {
		return nil, err
	}
	ev := &LemmaEval{}
	errs := map[string]int{}
	var buf []lexicon.Analysis
	for _, words := range sents {
		d := udDocument(words)
		buf = lex.Lemmatize(d.Tokens, buf)
		particle := map[int]string{} // verb index → particle form
		for i, w := range words {
			if w.Deprel == "compound:prt" && w.Head > 0 && w.Head-1 < i {
				particle[w.Head-1] = strings.ToLower(w.Form)
			}
		}
		for i, w := range words {
			a := buf[i]
			goldV := w.UPOS == "VERB" || w.UPOS == "AUX"
			ourV := a.POS == lexicon.POSVerb || a.POS == lexicon.POSAux
			ev.VerbPOS.Add(confusion(goldV, ourV))
			ev.AuxPOS.Add(confusion(w.UPOS == "AUX", a.POS == lexicon.POSAux))
			switch w.UPOS {
			case "VERB", "AUX":
				c := &ev.VerbLemma
				if w.UPOS == "AUX" {
					c = &ev.AuxLemma
				}
				c[1]++
				if a.Base == w.Lemma {
					c[0]++
				} else {
					errs[fmt.Sprintf("%s %s %s→%s", w.UPOS, w.Form, w.Lemma, orDash(a.Base))]++
				}
				if p, ok := particle[i]; ok {
					if a.Particle >= 0 && a.Lemma == p+w.Lemma {
						ev.ParticleJoin.TP++
					} else {
						ev.ParticleJoin.FN++
						if a.Particle >= 0 {
							ev.ParticleJoin.FP++
						}
						errs[fmt.Sprintf("PRT %s…%s %s→%s", w.Form, p, p+w.Lemma, orDash(a.Lemma))]++
					}
				} else if a.Particle >= 0 {
					ev.ParticleJoin.FP++
					errs[fmt.Sprintf("PRT+ %s %s→%s", w.Form, w.Lemma, a.Lemma)]++
				}
			default:
				if a.Particle >= 0 && a.POS != lexicon.POSParticle {
					ev.ParticleJoin.FP++ // joined on a word the gold calls no verb
				}
			}
			switch w.UPOS {
			case "NOUN":
				ev.NounLemma[1]++
				if a.Lemma == w.Lemma {
					ev.NounLemma[0]++
				}
			}
		}
	}
	type kv struct {
		k string
		n int
	}
	var list []kv
	for k, n := range errs {
		list = append(list, kv{k, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].k < list[j].k
	})
	for i := 0; i < len(list) && i < maxErrors; i++ {
		ev.Errors = append(ev.Errors, fmt.Sprintf("%s ×%d", list[i].k, list[i].n))
	}
	return ev, nil
}

// ScoreLemmasFile is ScoreLemmas over a file.
func ScoreLemmasFile(path string, lex *lexicon.Lexicon, maxErrors int) (*LemmaEval, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ScoreLemmas(f, lex, maxErrors)
}

func confusion(gold, ours bool) Counts {
	switch {
	case gold && ours:
		return Counts{TP: 1}
	case ours:
		return Counts{FP: 1}
	case gold:
		return Counts{FN: 1}
	}
	return Counts{}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// Report renders the evaluation in the shared report shape.
func (ev *LemmaEval) Report(dataset string) *Report {
	r := &Report{Stage: "lemmas", Dataset: dataset}
	r.AddScore("verb_pos", ev.VerbPOS)
	r.AddScore("aux_pos", ev.AuxPOS)
	r.AddScore("particle_join", ev.ParticleJoin)
	r.AddAccuracy("verb_lemma", ev.VerbLemma[0], ev.VerbLemma[1])
	r.AddAccuracy("aux_lemma", ev.AuxLemma[0], ev.AuxLemma[1])
	r.AddAccuracy("verb_aux_lemma", ev.VerbLemma[0]+ev.AuxLemma[0], ev.VerbLemma[1]+ev.AuxLemma[1])
	r.AddAccuracy("noun_lemma", ev.NounLemma[0], ev.NounLemma[1])
	r.Notes = append(r.Notes,
		"Gold words as input. verb_lemma/aux_lemma: lemma of the form alone, UD's convention (fand … statt → finden);",
		"particle_join: the joined lemma on verbs whose particle stands apart (→ stattfinden). *_pos: VERB|AUX and AUX tags vs UPOS.")
	return r
}
