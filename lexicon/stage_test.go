package lexicon_test

import (
	"context"
	"fmt"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/lexicon"
)

// doc builds a one-sentence document with a plain tokenisation: letter
// runs (with inner hyphens) are words, every other non-space rune is
// punctuation.
func doc(text string) *document.Document {
	d := document.New("t", "t", text)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		j, kind := i+size, document.KindPunct
		if unicode.IsDigit(r) {
			kind = document.KindNumber
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
		} else if unicode.IsLetter(r) {
			kind = document.KindWord
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && r2 != '-' {
					break
				}
				j += s2
			}
		}
		d.Tokens = append(d.Tokens, document.Token{Start: i, End: j, Text: text[i:j], Kind: kind})
		i = j
	}
	d.Sentences = []document.Sentence{{Start: 0, End: len(text), TokStart: 0, TokEnd: len(d.Tokens)}}
	return d
}

func tok(d *document.Document, text string) document.Token {
	for _, t := range d.Tokens {
		if t.Text == text {
			return t
		}
	}
	return document.Token{}
}

func TestStageSeparableFar(t *testing.T) {
	l := lex(t)
	s := lexicon.NewStage(l)
	cases := []struct {
		text, verb, lemma, pos string
	}{
		{"Er kündigte gestern in Moskau seine Teilnahme an, sagte Peskow.", "kündigte", "ankündigen", "VERB"},
		{"Putin nimmt am Gipfel in Riad nicht teil.", "nimmt", "teilnehmen", "VERB"},
		{"Das Treffen fand im Juni 2021 in Genf statt und dauerte drei Stunden.", "fand", "stattfinden", "VERB"},
		{"Trump hatte angekündigt, an dem Gipfel teilzunehmen.", "teilzunehmen", "teilnehmen", "VERB"},
		{"Trump hatte angekündigt, an dem Gipfel teilzunehmen.", "angekündigt", "ankündigen", "VERB"},
		{"Trump hatte angekündigt, an dem Gipfel teilzunehmen.", "hatte", "haben", "AUX"},
		{"Peskow sagte, ein Treffen sei möglich.", "sei", "sein", "AUX"},
		{"Peskow sagte, ein Treffen sei möglich.", "Treffen", "Treffen", "NOUN"},
		{"Peskow sagte, ein Treffen sei möglich.", "sagte", "sagen", "VERB"},
		{"Er würde nach Saudi-Arabien reisen, hieß es.", "hieß", "heißen", "VERB"},
		{"Er würde nach Saudi-Arabien reisen, hieß es.", "würde", "werden", "AUX"},
		{"Die Präsidenten trafen sich zuletzt in Genf.", "Präsidenten", "Präsident", "NOUN"},
		{"Die Präsidenten trafen sich zuletzt in Genf.", "trafen", "treffen", "VERB"},
		{"Die Präsidenten trafen sich zuletzt in Genf.", "Genf", "Genf", "PROPN"},
		{"Der Kreml kann keinen Termin nennen.", "kann", "können", "AUX"},
		{"Er hat einen Termin.", "einen", "", ""},
		{"Er sprach mit Putins Berater über das Gipfeltreffen.", "Gipfeltreffen", "Gipfeltreffen", "NOUN"},
		{"Er sprach mit Putins Berater über das Gipfeltreffen.", "Putins", "Putin", "PROPN"},
		{"Laut dem Nachrichtenportal Axios wird Trump nach Katar reisen.", "Laut", "", ""},
		{"Laut dem Nachrichtenportal Axios wird Trump nach Katar reisen.", "wird", "werden", "AUX"},
		{"Trump hat ein Haus in Florida.", "hat", "haben", "VERB"},
		{"Das Ergebnis ist seit Montag bekannt.", "bekannt", "", ""},
		{"Er hat die Unterlagen geschickt.", "geschickt", "schicken", "VERB"},
		{"Die Preise sind recht hoch.", "recht", "", ""},
		{"Er traf die bestellten Vertreter.", "bestellten", "", ""},
		// The particle closes the first clause only: "an" after the comma
		// belongs to no verb of the main clause.
		{"Er kam, an der Grenze wartete man.", "kam", "kommen", "VERB"},
	}
	for _, c := range cases {
		d := doc(c.text)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		got := tok(d, c.verb)
		if got.Lemma != c.lemma || got.POS != c.pos {
			t.Errorf("%q: %s = %q/%q, want %q/%q", c.text, c.verb, got.Lemma, got.POS, c.lemma, c.pos)
		}
	}
}

func TestLemmatizeParticleLink(t *testing.T) {
	l := lex(t)
	d := doc("Er kündigte gestern an, dass er reist.")
	an := l.Lemmatize(d.Tokens, nil)
	if an[1].Lemma != "ankündigen" || an[1].Base != "kündigen" || an[1].Particle != 3 {
		t.Fatalf("kündigte: %+v", an[1])
	}
	if an[3].POS != lexicon.POSParticle || an[3].Particle != 1 {
		t.Errorf("an: %+v", an[3])
	}
	if an[1].Verb.Tense != lexicon.Past || an[1].Verb.Mood != lexicon.Indicative {
		t.Errorf("kündigte reading %+v", an[1].Verb)
	}
	if an[7].Lemma != "reisen" || an[7].Particle != -1 {
		t.Errorf("reist: %+v", an[7])
	}
}

func TestGuessVerb(t *testing.T) {
	l := lex(t)
	d := doc("Merz wurde wiedergewählt und die Ratingagentur hat Italien hochgestuft.")
	an := l.Lemmatize(d.Tokens, nil)
	if an[2].Lemma != "wiederwählen" || !an[2].Guessed || an[2].Verb.Tense != lexicon.Participle {
		t.Errorf("wiedergewählt: %+v", an[2])
	}
	if an[8].Lemma != "hochstufen" || !an[8].Guessed {
		t.Errorf("hochgestuft: %+v", an[8])
	}
}

func TestStageCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := lexicon.NewStage(lex(t)).Process(ctx, doc("Er kam.")); err == nil {
		t.Error("no error on a cancelled context")
	}
}

// FuzzLemmatize checks that the lemma stage never panics and only writes
// lemmas and POS on word tokens, whatever the text.
func FuzzLemmatize(f *testing.F) {
	for _, s := range []string{
		"Er kündigte gestern an, dass er kommt.",
		"Putin nimmt am Gipfel teil",
		"an an an , an .",
		"Die bestellten Waren",
		"„Kaufen Sie!“ – ein",
		"Weil er sein kann",
		"ÄÖÜ ß- -- zu zu zu",
	} {
		f.Add(s)
	}
	l, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	s := lexicon.NewStage(l)
	f.Fuzz(func(t *testing.T, text string) {
		d := doc(text)
		if err := s.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		an := l.Lemmatize(d.Tokens, nil)
		for i, tok := range d.Tokens {
			if tok.Kind != document.KindWord && (tok.Lemma != "" || tok.POS != "") {
				t.Errorf("%s token %q got %q/%q", tok.Kind, tok.Text, tok.Lemma, tok.POS)
			}
			if p := an[i].Particle; p >= len(d.Tokens) || (p >= 0 && an[p].Particle != i) {
				t.Errorf("token %d: particle link %d not mutual", i, p)
			}
		}
	})
}

// TestStageConcurrent runs one stage from several goroutines (go test
// -race finds shared state).
func TestStageConcurrent(t *testing.T) {
	s := lexicon.NewStage(lex(t))
	texts := []string{
		"Er kündigte gestern in Moskau seine Teilnahme an, sagte Peskow.",
		"Putin nimmt am Gipfel in Riad nicht teil.",
		"Die Präsidenten trafen sich zuletzt in Genf.",
	}
	want := make([]*document.Document, len(texts))
	for i, text := range texts {
		want[i] = doc(text)
		if err := s.Process(context.Background(), want[i]); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 50; n++ {
				i := n % len(texts)
				d := doc(texts[i])
				if err := s.Process(context.Background(), d); err != nil {
					done <- err
					return
				}
				for k := range d.Tokens {
					if d.Tokens[k] != want[i].Tokens[k] {
						done <- fmt.Errorf("%q: token %d differs under concurrency", texts[i], k)
						return
					}
				}
			}
			done <- nil
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func TestSentenceInitial(t *testing.T) {
	l := lex(t)
	cases := []struct{ text, word, lemma, pos string }{
		{"Reise nach Saudi-Arabien geplant", "Reise", "Reise", "NOUN"},
		{"War das ein Fehler?", "War", "sein", "AUX"},
		{"Kaufen Sie nicht dort ein.", "Kaufen", "einkaufen", "VERB"},
		{"Laut Peskow ist nichts geplant.", "Laut", "", ""},
	}
	for _, c := range cases {
		d := doc(c.text)
		an := l.Lemmatize(d.Tokens, nil)
		for i, tk := range d.Tokens {
			if tk.Text == c.word && (an[i].Lemma != c.lemma || an[i].POS != c.pos) {
				t.Errorf("%q: %s = %q/%q, want %q/%q", c.text, c.word, an[i].Lemma, an[i].POS, c.lemma, c.pos)
			}
		}
	}
}
