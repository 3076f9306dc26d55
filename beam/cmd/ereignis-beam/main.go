// Command ereignis-beam runs the ereignis extraction pipeline on Apache
// Beam: locally on the Prism runner (the default), or on Flink, Spark or
// Dataflow through Beam's portable runners. It reads article files (.txt),
// JSON Lines (.jsonl, .ndjson) and 10kGNAD CSV (.csv) from any Beam
// filesystem (local paths and folders as the CLI reads them; gs://, s3://
// globs, where a .gz suffix is decompressed) and writes
//
//	OUTPUT/part-00000-of-0000N.jsonl              one record per article
//	DEAD_LETTER/part-00000-of-0000M.jsonl         one error record per failed input
//
// Exit status: 0 all inputs gave records, 1 some gave error records (where
// the runner reports metrics), 2 usage, 1 also when the job failed.
//
// Example (local, Prism):
//
//	ereignis-beam --input 'testdata/*.txt' --output out/beam
//
// The Beam flags (--runner, --endpoint, --project, --region,
// --temp_location, ...) are described in docs/beam.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/ereignis/ereignis/beam/pipeline"
)

// inputs collects repeated --input flags; each may also hold a comma
// separated list.
type inputs []string

func (in *inputs) String() string { return strings.Join(*in, ",") }
func (in *inputs) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*in = append(*in, s)
		}
	}
	return nil
}

func main() {
	var o pipeline.Options
	var in inputs
	flag.Var(&in, "input", "article files: glob, file or local folder on any Beam filesystem (gs://, s3://); repeatable or comma separated")
	flag.StringVar(&o.Output, "output", "", "folder or object prefix for the record shards (part-i-of-N.jsonl)")
	flag.StringVar(&o.DeadLetter, "dead-letter", "", "folder for the error-record shards (default OUTPUT/dead-letter)")
	flag.IntVar(&o.Shards, "shards", 4, "number of record shards")
	flag.IntVar(&o.DeadLetterShards, "dead-letter-shards", 1, "number of error-record shards")
	flag.Int64Var(&o.MaxSize, "max-size", 0, "largest article in bytes (default 10 MiB); larger inputs become error records")
	flag.DurationVar(&o.Timeout, "timeout", time.Minute, "time limit per article (0: none); an article over it becomes an error record")
	flag.BoolVar(&o.Latin1, "latin1", false, "decode input that is not UTF-8 as Windows-1252 (with a warning) instead of failing it")
	flag.StringVar(&o.Date, "date", "", "article date (YYYY[-MM[-DD]]) for articles that carry none")
	flag.BoolVar(&o.ForceDate, "force-date", false, "use --date for every article, even those with a date")
	flag.Parse()
	o.Inputs = in
	// beam.Init must come first: on a worker it takes over and never returns.
	beam.Init()

	if len(o.Inputs) == 0 || o.Output == "" {
		fmt.Fprintln(os.Stderr, "usage: ereignis-beam --input GLOB --output DIR [--runner ...] (see docs/beam.md)")
		os.Exit(2)
	}
	p, err := pipeline.Construct(o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ereignis-beam:", err)
		os.Exit(2)
	}
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ereignis-beam:", err)
		os.Exit(1)
	}
	// Like ereignis extract: 1 when the job finished but some inputs gave
	// error records (known only where the runner returns metrics).
	if res != nil && report(res.Metrics())["error_records"] > 0 {
		os.Exit(1)
	}
}

// report prints the ereignis counters summed over the steps that count
// them; a runner that returns no metrics prints nothing.
func report(m metrics.Results) map[string]int64 {
	sums := map[string]int64{}
	var names []string
	for _, c := range m.AllMetrics().Counters() {
		if c.Namespace() != "ereignis" {
			continue
		}
		if _, ok := sums[c.Name()]; !ok {
			names = append(names, c.Name())
		}
		sums[c.Name()] += c.Result()
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(os.Stderr, "%s: %d\n", n, sums[n])
	}
	return sums
}
