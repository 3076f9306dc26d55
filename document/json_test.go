package document

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// stdJSON is what the CLI wrote before AppendJSON: encoding/json without
// HTML escaping, without the newline.
func stdJSON(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(v))
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// fullRecord sets every field of every record type, optional ones too, with
// s in each string, so that a field AppendJSON forgets or misspells shows.
func fullRecord(s string, n int) *Record {
	span := SpanRecord{Start: n, End: n + 1, Text: s}
	return &Record{
		Schema: n, ID: s, Source: s, Title: s, Label: s,
		DCT:       &DCTRecord{Value: s, Precision: s, Origin: s, InputValue: s},
		Text:      s,
		Sentences: []SentenceRecord{{Start: n, End: -n, TokStart: 1, TokEnd: 2}},
		Tokens:    []TokenRecord{{Start: 1, End: 2, Text: s, Kind: Kind(s), Stem: s, Lemma: s, POS: s}, {Text: s}},
		Entities: []EntityRecord{{ID: s, Type: s, SpanRecord: span, Sentence: n, Rule: s, Canonical: s, QID: s, KBID: s, LinkedTo: s},
			{ID: s}},
		Timexes: []TimexRecord{{ID: s, Type: s, Value: s, Mod: s, Quant: s, Freq: s, SpanRecord: span, Sentence: n, Rule: s, Anchor: s},
			{Value: s}},
		Events: []EventRecord{
			{ID: s, Type: s, CAMEO: s, Trigger: span, Lemma: s, Arguments: []ArgumentRecord{{Role: s, Ref: s, Span: span}, {Role: s}},
				Polarity: s, Modality: s, Attribution: &AttributionRecord{Source: &span, SourceRef: s, Cue: span, Statement: s}, Sentence: n, Rule: s},
			{ID: s, Attribution: &AttributionRecord{SourceRef: s}},
			{ID: s, Attribution: &AttributionRecord{}, Arguments: []ArgumentRecord{}},
		},
		Statements: []StatementRecord{{ID: s, Kind: s, Cue: &span, Source: &span, SourceRef: s, Message: span, Sentence: n, Rule: s},
			{ID: s}},
		Warnings: []string{s, s},
	}
}

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "Putin sagte: „Wir\" \\ reisen“", "a\x00b\x1f\b\f\n\r\t<>&", "bad \xff\xfe utf-8 \xe2\x82", "\u2028 \u2029 𝄞 ä", "</script>"} {
		for _, r := range []*Record{fullRecord(s, 7), fullRecord(s, 0), {}, {Warnings: []string{}}} {
			require.Equal(t, string(stdJSON(t, r)), string(r.AppendJSON(nil)), "%q", s)
		}
	}
	// The golden records: real output of every stage.
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*.golden.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var r Record
		require.NoError(t, json.Unmarshal(b, &r), f)
		require.Equal(t, string(stdJSON(t, &r)), string(r.AppendJSON(nil)), f)
	}
}

func FuzzAppendJSON(f *testing.F) {
	f.Add("Merkel sagte „ja“", 3)
	f.Add("\xff\u2028\x01\"\\", -1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		r := fullRecord(s, n)
		got := r.AppendJSON(nil)
		require.Equal(t, string(stdJSON(t, r)), string(got))
		require.True(t, json.Valid(got))
	})
}
