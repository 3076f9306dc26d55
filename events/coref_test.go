package events_test

import (
	"context"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/extract"
)

// TestParticipantResolution: pronouns, possessives, bare surnames and
// definite role nouns resolve to the person entity they refer to.
func TestParticipantResolution(t *testing.T) {
	p, err := extract.New(extract.Options{Upto: "events"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text, typ, role, mention, person string
	}{
		// the heuristic under test: er → the closest earlier person
		{"pronoun", "Donald Trump hatte kürzlich verkündet, er erwäge ein Treffen mit Putin.", "Meeting", "agent", "er", "Donald Trump"},
		// sein- → the subject of its clause
		{"possessive", "Wladimir Putin hat seit seinem Gipfeltreffen mit Joe Biden niemanden getroffen.", "Meeting", "agent", "seinem", "Wladimir Putin"},
		// a bare surname → the earlier full name
		{"surname", "Kremlsprecher Dmitri Peskow äußerte sich. Das Treffen sei nötig, sagte Peskow am Montag.", "Statement", "agent", "Peskow", "Dmitri Peskow"},
		// der Kremlsprecher → the person an apposition gave that role
		{"role noun", "Kremlsprecher Dmitri Peskow äußerte sich am Morgen. Der Kremlsprecher sagte, ein Treffen sei möglich.", "Statement", "agent", "Der Kremlsprecher", "Dmitri Peskow"},
	}
	for _, c := range cases {
		d, err := p.ExtractText(context.Background(), c.name, c.text, document.DCT{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range d.Events {
			if e.Type != c.typ {
				continue
			}
			for _, a := range e.Arguments {
				if a.Role != c.role || a.Span.Text != c.mention {
					continue
				}
				found = true
				var ent *document.Entity
				for k := range d.Entities {
					if d.Entities[k].ID == a.Ref {
						ent = &d.Entities[k]
					}
				}
				if ent == nil || ent.Span.Text != c.person {
					t.Errorf("%s: %q refers to %v, want %q", c.name, c.mention, ent, c.person)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s argument %s=%q in %q", c.name, c.typ, c.role, c.mention, c.text)
		}
	}
}
