package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeFn{})
	register.Iter1[string]()
}

// WriteShards writes a PCollection<KV<int, string>> of shard number and line
// as dir/part-00000-of-0000N.jsonl files, one per shard that has lines (a
// shard without lines writes no file). textio.Write would put everything in
// one file written by one worker; grouping by shard lets N workers write.
func WriteShards(s beam.Scope, dir string, n int, lines beam.PCollection) {
	grouped := beam.GroupByKey(s, lines)
	beam.ParDo0(s, &writeFn{Dir: dir, N: n}, grouped)
}

// ShardName is the file name of shard i of n.
func ShardName(i, n int) string {
	return fmt.Sprintf("part-%05d-of-%05d.jsonl", i, n)
}

// writeFn writes one shard. A failed bundle is retried by the runner and
// rewrites the whole shard, so writing is idempotent. On the local
// filesystem the shard is written to a temporary name and renamed, so a
// crash never leaves a half-written part file; object stores (GCS, S3) make
// an object visible only once it is closed, which gives the same guarantee.
type writeFn struct {
	Dir string
	N   int
}

func (fn *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) (err error) {
	final := joinPath(fn.Dir, ShardName(shard, fn.N))
	fsys, err := filesystem.New(ctx, final)
	if err != nil {
		return err
	}
	defer fsys.Close()
	target := final
	renamer, canRename := fsys.(filesystem.Renamer)
	canRename = canRename && !isRemote(final)
	if canRename {
		var r [8]byte
		rand.Read(r[:])
		target = joinPath(fn.Dir, "."+ShardName(shard, fn.N)+".tmp-"+hex.EncodeToString(r[:]))
	}
	w, err := fsys.OpenWrite(ctx, target)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil && canRename {
			if rm, ok := fsys.(filesystem.Remover); ok {
				rm.Remove(ctx, target)
			}
		}
	}()
	bw := bufio.NewWriterSize(w, 256<<10)
	var line string
	for lines(&line) {
		bw.WriteString(line)
		if err := bw.WriteByte('\n'); err != nil {
			w.Close()
			return fmt.Errorf("writing %s: %w", final, err)
		}
	}
	if err := bw.Flush(); err != nil {
		w.Close()
		return fmt.Errorf("writing %s: %w", final, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", final, err)
	}
	if canRename {
		if err := renamer.Rename(ctx, target, final); err != nil {
			return fmt.Errorf("writing %s: %w", final, err)
		}
	}
	return nil
}
