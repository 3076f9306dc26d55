package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalTimex runs `ereignis eval timex` on a small TimeML file in both
// output forms, and with --peer on the file itself (a perfect peer).
func TestEvalTimex(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold", "sub")
	if err := os.MkdirAll(gold, 0o755); err != nil {
		t.Fatal(err)
	}
	tml := `<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-07" functionInDocument="CREATION_TIME">2025-05-07</TIMEX3></DCT>
<TEXT>Seit <TIMEX3 tid="t1" type="DATE" value="2021">2021</TIMEX3> verhandeln sie. <TIMEX3 tid="t2" type="DATE" value="2025-05-06">Gestern</TIMEX3> kam er, <TIMEX3 tid="t3" type="DURATION" value="PT24H">24 Stunden</TIMEX3> lang.</TEXT></TimeML>`
	if err := os.WriteFile(filepath.Join(gold, "a.tml"), []byte(tml), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"eval", "timex", "--json", filepath.Join(dir, "gold")}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Stage  string `json:"stage"`
		Scores map[string]struct {
			F1         float64
			TP, FP, FN int
		} `json:"scores"`
		Accuracy map[string]float64 `json:"accuracy"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	for _, k := range []string{"strict", "relaxed", "value", "DATE", "DURATION"} {
		if rep.Scores[k].F1 != 1 {
			t.Errorf("score %s = %+v, want F1 1 (%s)", k, rep.Scores[k], out.String())
		}
	}
	if rep.Accuracy["value"] != 1 || rep.Accuracy["type"] != 1 {
		t.Errorf("accuracy %v", rep.Accuracy)
	}
	out.Reset()
	if code := run([]string{"eval", "timex", "--peer", filepath.Join(dir, "gold"), filepath.Join(dir, "gold")}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "peer F1") || !strings.Contains(out.String(), "DURATION recall") {
		t.Errorf("side-by-side table missing parts:\n%s", out.String())
	}
}
