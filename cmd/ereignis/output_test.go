package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Records written across several background fsyncs (each syncEvery bytes)
// end up in FILE whole and in order, and FILE.part is gone.
func TestRecordFileBackgroundSync(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	rf, err := openRecordFile(path, false)
	require.NoError(t, err)
	var want bytes.Buffer
	line := bytes.Repeat([]byte("x"), 4000)
	for i := 0; want.Len() < 3*syncEvery+12345; i++ {
		rec := fmt.Appendf(nil, "{\"id\":\"%d\",\"pad\":\"%s\"}\n", i, line[:i%len(line)])
		want.Write(rec)
		_, err := rf.Write(rec)
		require.NoError(t, err)
	}
	require.NoError(t, rf.Commit())
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.Equal(want.Bytes(), got), "FILE differs from what was written (%d vs %d bytes)", len(got), want.Len())
	_, err = os.Stat(partPath(path))
	require.True(t, os.IsNotExist(err), "part file left behind")
}
