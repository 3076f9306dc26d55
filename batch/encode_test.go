package batch

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ereignis/ereignis/document"
	"github.com/stretchr/testify/require"
)

// TestEncodeToRecord holds the record path of encodeTo (AppendJSON onto the
// buffer's bytes, which the buffer then takes over) to encoding/json, into
// a nil buffer, an empty one, one holding bytes already, and a reused one.
func TestEncodeToRecord(t *testing.T) {
	recs := []*document.Record{
		{Schema: 1, ID: "a", Text: "Merkel sagte „ja“ \u2028 \xff"},
		{Schema: 1, ID: "b", Tokens: []document.TokenRecord{{Start: 1, End: 2, Text: "\"x\"", Kind: "word"}}, Warnings: []string{"w"}},
	}
	for _, r := range recs {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(r))
		require.Equal(t, want.String(), string(encodeTo(nil, r)))
		require.Equal(t, want.String(), string(encodeTo(new(bytes.Buffer), r)))
		buf := bytes.NewBufferString("prefix\n")
		require.Equal(t, "prefix\n"+want.String(), string(encodeTo(buf, r)))
		require.Equal(t, "prefix\n"+want.String(), buf.String())
		buf.Reset()
		require.Equal(t, want.String(), string(encodeTo(buf, r)))
		require.Equal(t, want.String(), buf.String())
	}
}
