package schema_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ereignis/ereignis/document"
	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/schema"
)

func TestGoldenFilesMatchSchema(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*.golden.json")
	if len(files) == 0 {
		t.Fatal("no golden files in testdata/")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestErrorRecordMatchesSchema(t *testing.T) {
	rec := document.ErrorRecord{Schema: document.SchemaVersion, ID: "a.txt", Source: "in/a.txt",
		Error: document.ErrorInfo{Stage: "decode", Message: "invalid UTF-8"}}
	if err := schema.ValidateValue(rec); err != nil {
		t.Fatal(err)
	}
}

// The schema must reject what breaks the contract, or the tests above
// could not fail.
func TestSchemaRejects(t *testing.T) {
	for name, rec := range map[string]string{
		"wrong schema version":  `{"schema":2,"id":"x","source":"x","error":{"stage":"read","message":"m"}}`,
		"error without message": `{"schema":1,"id":"x","source":"x","error":{"stage":"read"}}`,
		"unknown field":         `{"schema":1,"id":"x","dct":null,"text":"","sentences":[],"tokens":[],"entities":[],"timexes":[],"events":[],"statements":[],"extra":1}`,
		"bad entity type":       `{"schema":1,"id":"x","dct":null,"text":"a","sentences":[],"tokens":[],"entities":[{"id":"e1","type":"PERSON","start":0,"end":1,"text":"a","sentence":0,"rule":"r"}],"timexes":[],"events":[],"statements":[]}`,
		"bad modality":          `{"schema":1,"id":"x","dct":null,"text":"a","sentences":[],"tokens":[],"entities":[],"timexes":[],"events":[{"id":"ev1","type":"Meeting","trigger":{"start":0,"end":1,"text":"a"},"lemma":"a","arguments":[],"polarity":"positive","modality":"maybe","sentence":0,"rule":"r"}],"statements":[]}`,
	} {
		if err := schema.Validate([]byte(rec)); err == nil {
			t.Errorf("%s: accepted %s", name, rec)
		} else if strings.TrimSpace(err.Error()) == "" {
			t.Errorf("%s: empty error", name)
		}
	}
}
