package tokenize_test

import (
	"context"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

func TestStage(t *testing.T) {
	s, err := tokenize.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	if s.Name() != "tokenize" || len(s.Requires()) != 0 {
		t.Fatalf("stage %q requires %v", s.Name(), s.Requires())
	}
	d := document.New("x", "x", "Trump reist am 5. Mai nach Saudi-Arabien. Putin bleibt.")
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 || d.Tokens[d.Sentences[1].TokStart].Text != "Putin" {
		t.Fatalf("sentences %+v", d.Sentences)
	}
	// Running twice replaces, never appends.
	n := len(d.Tokens)
	if err := s.Process(context.Background(), d); err != nil || len(d.Tokens) != n || len(d.Sentences) != 2 {
		t.Fatalf("second run: %d tokens (want %d), %d sentences, err %v", len(d.Tokens), n, len(d.Sentences), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, d); err == nil {
		t.Fatal("a cancelled context must stop the stage")
	}
}
