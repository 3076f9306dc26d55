// Package pipeline runs the ereignis library on Apache Beam: it reads article
// files (.txt), JSON Lines and 10kGNAD CSV files from any Beam filesystem,
// runs the default extraction pipeline on every article, and writes the
// records as sharded JSON Lines files plus a dead-letter output of error
// records.
//
// The stages, in order:
//
//	list      local inputs: read by corpus.Walk (as the CLI does);
//	          other filesystems: expand the glob into files
//	reshuffle spread the files over the workers
//	read      parse with the corpus readers: a .txt file whole, JSON Lines and
//	          CSV files as streams of lines
//	reshuffle spread the articles (also those of one big file) over the workers
//	extract   run extract.Pipeline through batch.Run: record or error record
//	write     key by hash mod N, group, write part-i-of-N per output
//
// Every input yields exactly one output line, a record or an error record,
// so records + error records = articles, as in the CLI.
package pipeline

import (
	"fmt"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/ereignis/ereignis/corpus"
)

// Options configure one run.
type Options struct {
	// Inputs are paths or globs. Local ones ("testdata", "news/*.txt") are
	// read by corpus.Walk exactly like the CLI's arguments. Others name any
	// Beam filesystem ("gs://bucket/news/**.jsonl", "s3://bucket/a/*.txt"):
	// the format goes by extension (.txt, .jsonl/.ndjson, .csv, each also
	// .gz), and the id of a .txt article is its path relative to the part of
	// the glob before its first wildcard.
	Inputs []string
	// Output is the folder (or object prefix) of the record shards:
	// Output/part-00000-of-00004.jsonl, ...
	Output string
	// DeadLetter is the folder of the error-record shards; empty means
	// Output/dead-letter.
	DeadLetter string
	// Shards and DeadLetterShards are the numbers of output files (N in
	// part-i-of-N); 0 means 4 and 1.
	Shards, DeadLetterShards int
	// MaxSize bounds one article in bytes (0: corpus.DefaultMaxSize); a
	// larger file or line becomes an error record without being read whole.
	MaxSize int64
	// Latin1, Date and ForceDate are the CLI's reading flags (see
	// corpus.Options): decode invalid UTF-8 as Windows-1252; the date
	// (YYYY[-MM[-DD]]) of articles without one, or of all with ForceDate.
	Latin1    bool
	Date      string
	ForceDate bool
	// Timeout bounds the extraction of one article (0: no limit); an article
	// that runs over becomes an error record of stage "timeout".
	Timeout time.Duration
}

func (o Options) withDefaults() (Options, error) {
	if len(o.Inputs) == 0 {
		return o, fmt.Errorf("pipeline: no input")
	}
	if o.Output == "" {
		return o, fmt.Errorf("pipeline: no output")
	}
	if o.DeadLetter == "" {
		o.DeadLetter = joinPath(o.Output, "dead-letter")
	}
	if o.Shards <= 0 {
		o.Shards = 4
	}
	if o.DeadLetterShards <= 0 {
		o.DeadLetterShards = 1
	}
	if o.MaxSize <= 0 {
		o.MaxSize = corpus.DefaultMaxSize
	}
	if _, err := o.corpus().options(); err != nil {
		return o, fmt.Errorf("pipeline: %v", err)
	}
	return o, nil
}

func (o Options) corpus() corpusOptions {
	return corpusOptions{MaxSize: o.MaxSize, Latin1: o.Latin1, Date: o.Date, ForceDate: o.ForceDate}
}

// Build adds the whole job to s and returns the two keyed outputs before
// they are written: records and error records, each a PCollection<KV<int,
// string>> of shard number and JSON line (without the newline).
func Build(s beam.Scope, o Options) (records, deadLetters beam.PCollection, err error) {
	o, err = o.withDefaults()
	if err != nil {
		return beam.PCollection{}, beam.PCollection{}, err
	}
	s = s.Scope("ereignis")
	globs := beam.CreateList(s, o.Inputs)
	files, walked, listErrs := beam.ParDo3(s.Scope("list"), &listFn{Corpus: o.corpus(), DeadLetterShards: o.DeadLetterShards}, globs)
	files = beam.Reshuffle(s.Scope("spread-files"), files)
	read, readErrs := beam.ParDo2(s.Scope("read"), &readFn{Corpus: o.corpus(), DeadLetterShards: o.DeadLetterShards}, files)
	articles := beam.Reshuffle(s.Scope("spread-articles"), beam.Flatten(s, walked, read))
	records, extractErrs := beam.ParDo2(s.Scope("extract"), &extractFn{
		Shards: o.Shards, DeadLetterShards: o.DeadLetterShards, Timeout: o.Timeout,
	}, articles)
	deadLetters = beam.Flatten(s.Scope("dead-letter"), listErrs, readErrs, extractErrs)
	return records, deadLetters, nil
}

// Construct returns a pipeline that runs the job and writes both outputs.
func Construct(o Options) (*beam.Pipeline, error) {
	p, s := beam.NewPipelineWithRoot()
	records, deadLetters, err := Build(s, o)
	if err != nil {
		return nil, err
	}
	o, _ = o.withDefaults()
	WriteShards(s.Scope("write-records"), o.Output, o.Shards, records)
	WriteShards(s.Scope("write-dead-letter"), o.DeadLetter, o.DeadLetterShards, deadLetters)
	return p, nil
}

// joinPath joins a folder or object prefix and a name with "/", which every
// Beam filesystem (local, gs://, s3://) accepts.
func joinPath(dir, name string) string {
	return strings.TrimSuffix(dir, "/") + "/" + name
}
