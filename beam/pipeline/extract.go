package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/ereignis/ereignis/batch"
	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/extract"
)

// Counters show progress in the runner's UI and let the command print
// records + error records = articles at the end.
var (
	recordsCounter = beam.NewCounter("ereignis", "records")
	errorsCounter  = beam.NewCounter("ereignis", "error_records")
	bytesCounter   = beam.NewCounter("ereignis", "input_bytes")
)

func init() {
	register.DoFn4x1[context.Context, Article, func(int, string), func(int, string), error](&extractFn{})
}

// extractFn runs the default extraction pipeline on one article. The
// pipeline is built once per DoFn instance in Setup (loading the embedded
// models) and is safe for concurrent use, so a worker running several
// bundles at once shares nothing mutable.
type extractFn struct {
	Shards, DeadLetterShards int
	Timeout                  time.Duration

	p *extract.Pipeline
}

func (fn *extractFn) Setup() error {
	p, err := extract.New(extract.Options{})
	if err != nil {
		return fmt.Errorf("ereignis: building the pipeline: %w", err)
	}
	fn.p = p
	return nil
}

func (fn *extractFn) ProcessElement(ctx context.Context, in Article, emit, dead func(int, string)) error {
	a, err := in.toCorpus()
	if err != nil {
		a.Err, a.ErrStage = err, "read"
		emitError(ctx, dead, fn.DeadLetterShards, &a)
		return nil
	}
	// batch.Run over this one article gives the CLI's record, timeout and
	// panic handling and error-record wording, so both runners' outputs are
	// the same line for line; Beam supplies the parallelism.
	src := func(_ context.Context, yield func(corpus.Article) bool) error {
		yield(a)
		return nil
	}
	return batch.Run(ctx, fn.p, batch.Options{Workers: 1, Timeout: fn.Timeout}, src, func(r batch.Result) error {
		line := strings.TrimSuffix(string(r.Line), "\n")
		if r.Err != nil {
			if r.Detail != "" {
				log.Warnf(ctx, "ereignis: %s\n%s", r.Err.Error.Message, r.Detail)
			}
			errorsCounter.Inc(ctx, 1)
			dead(shardOf(a.ID, fn.DeadLetterShards), line)
			return nil
		}
		recordsCounter.Inc(ctx, 1)
		bytesCounter.Inc(ctx, r.Article.Size)
		emit(shardOf(a.ID, fn.Shards), line)
		return nil
	})
}

// emitError writes the error record of a failed article to the dead letters.
func emitError(ctx context.Context, dead func(int, string), shards int, a *corpus.Article) {
	line, _ := marshal(a.ErrorRecord()) // only strings and ints: cannot fail
	errorsCounter.Inc(ctx, 1)
	key := a.ID
	if key == "" {
		key = a.Source
	}
	dead(shardOf(key, shards), line)
}

// marshal renders v as one JSON line the way the CLI does (no HTML
// escaping), without the trailing newline.
func marshal(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), nil
}

// shardOf spreads records over n shards by their id, so an article lands in
// the same shard on every run with the same n.
func shardOf(id string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}
