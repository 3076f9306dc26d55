package lexicon_test

import (
	"fmt"

	"github.com/ereignis/ereignis/lexicon"
)

func ExampleLexicon_VerbReadings() {
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	for _, form := range []string{"traf", "sei", "könnte", "teilzunehmen"} {
		fmt.Print(form)
		for _, r := range lex.VerbReadings(form) {
			fmt.Printf(" [%s %s %s %d%s aux=%v modal=%v]", r.Lemma, r.Tense, r.Mood, r.Person, r.Number, r.Aux, r.Modal)
		}
		fmt.Println()
	}
	// Output:
	// traf [treffen past indicative 1sg aux=false modal=false] [treffen past indicative 3sg aux=false modal=false]
	// sei [sein present imperative 0sg aux=true modal=false] [sein present subjunctive1 1sg aux=true modal=false] [sein present subjunctive1 3sg aux=true modal=false]
	// könnte [können past subjunctive2 1sg aux=false modal=true] [können past subjunctive2 3sg aux=false modal=true]
	// teilzunehmen [teilnehmen zu-infinitive  0 aux=false modal=false]
}

func ExampleLexicon_SeparableLemma() {
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	// "Er kündigte gestern an": the particle stands at the clause end.
	fmt.Println(lex.SeparableLemma("an", lex.VerbLemma("kündigte")))
	fmt.Println(lex.SeparableLemma("teil", lex.VerbLemma("nimmt")))
	// Output:
	// ankündigen
	// teilnehmen
}

func ExampleLexicon_IsCommonNoun() {
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	for _, w := range []string{"Präsidenten", "Treffen", "Putin", "USA"} {
		fmt.Println(w, lex.IsCommonNoun(w), lex.NounLemma(w), lex.IsName(w))
	}
	// Output:
	// Präsidenten true Präsident false
	// Treffen true Treffen false
	// Putin false  true
	// USA false  false
}

func ExampleLexicon_Lemmatize() {
	lex, err := lexicon.Default()
	if err != nil {
		panic(err)
	}
	d := doc("Putin nimmt am Gipfel nicht teil.")
	for i, a := range lex.Lemmatize(d.Tokens, nil) {
		if a.POS != "" {
			fmt.Println(d.Tokens[i].Text, a.Lemma, a.POS)
		}
	}
	// Output:
	// Putin Putin PROPN
	// nimmt teilnehmen VERB
	// Gipfel Gipfel NOUN
	// teil teil PART
}
