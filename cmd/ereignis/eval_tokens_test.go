package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// TestEvalTokensJSON runs `ereignis eval tokens --json` on UD German GSD dev
// and checks the one JSON shape every eval prints, and the bars.
func TestEvalTokensJSON(t *testing.T) {
	const ud = "../../" + defaultUD
	if _, err := os.Stat(ud); err != nil {
		t.Skipf("UD German GSD dev not found (%s): ../shared is absent", ud)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"eval", "tokens", "--ud", ud, "--json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Stage  string `json:"stage"`
		Scores map[string]struct {
			Precision, Recall, F1 float64
			TP, FP, FN            int
		} `json:"scores"`
		Accuracy map[string]float64 `json:"accuracy"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if rep.Stage != "tokens" || rep.Accuracy == nil {
		t.Fatalf("bad report %s", out.String())
	}
	if s := rep.Scores["tokens"]; s.F1 < 0.99 || s.TP == 0 {
		t.Errorf("token F1 %.4f < 0.99", s.F1)
	}
	if s := rep.Scores["sentences"]; s.F1 < 0.96 || s.TP == 0 {
		t.Errorf("sentence F1 %.4f < 0.96", s.F1)
	}
}
