package pipeline

import (
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/document"
)

const (
	formatTxt   = "txt"
	formatJSONL = "jsonl"
	formatCSV   = "csv" // the 10kGNAD layout: label;'text', one article per line
)

// File is one input file found by the list stage.
type File struct {
	Path   string // full path on its filesystem, also the source of its articles
	ID     string // path relative to the input root (the id of a .txt article)
	Format string // formatTxt, formatJSONL or formatCSV
}

// Article is a parsed article on its way to the extract stage: the fields of
// corpus.Article that a good article has, in a form Beam can encode. Parsing
// happens in the read stage with the corpus readers, so ids, sources, line
// numbers and messages are the CLI's; only the costly extraction is spread.
type Article struct {
	ID, Source, Title, Label, Text string
	Size                           int64 // input bytes, for the throughput counter
	// DCT: Time as time.Time.MarshalBinary (exact round trip, location
	// included), empty when the article has no date.
	DCTTime                              []byte
	DCTPrecision, DCTOrigin, DCTInputVal string
	Warnings                             []string
}

func fromCorpus(a *corpus.Article) (Article, error) {
	out := Article{ID: a.ID, Source: a.Source, Title: a.Title, Label: a.Label, Text: a.Text, Size: a.Size, Warnings: a.Warnings,
		DCTPrecision: string(a.DCT.Precision), DCTOrigin: a.DCT.Origin, DCTInputVal: a.DCT.InputValue}
	if !a.DCT.Time.IsZero() {
		b, err := a.DCT.Time.MarshalBinary()
		if err != nil {
			return out, err
		}
		out.DCTTime = b
	}
	return out, nil
}

func (a *Article) toCorpus() (corpus.Article, error) {
	out := corpus.Article{ID: a.ID, Source: a.Source, Title: a.Title, Label: a.Label, Text: a.Text, Size: a.Size, Warnings: a.Warnings,
		DCT: document.DCT{Precision: document.Precision(a.DCTPrecision), Origin: a.DCTOrigin, InputValue: a.DCTInputVal}}
	if len(a.DCTTime) > 0 {
		if err := out.DCT.Time.UnmarshalBinary(a.DCTTime); err != nil {
			return out, err
		}
	}
	return out, nil
}

func init() {
	beam.RegisterType(reflect.TypeOf((*File)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*Article)(nil)).Elem())
	register.DoFn5x1[context.Context, string, func(File), func(Article), func(int, string), error](&listFn{})
	register.DoFn4x1[context.Context, File, func(Article), func(int, string), error](&readFn{})
	register.Emitter1[File]()
	register.Emitter1[Article]()
	register.Emitter2[int, string]()
}

// formatOf picks the input format of a file by its extension, as the CLI
// does for a file it is given.
func formatOf(p string) string {
	switch strings.ToLower(path.Ext(strings.TrimSuffix(strings.ToLower(p), ".gz"))) {
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".csv":
		return formatCSV
	}
	return formatTxt
}

// isRemote reports whether p names a non-local Beam filesystem (gs://, s3://,
// memfs://); local paths have no scheme.
func isRemote(p string) bool { return strings.Contains(p, "://") }

// globRoot is the directory part of a glob before its first wildcard: the
// root that .txt ids are relative to.
func globRoot(glob string) string {
	static := glob
	if i := strings.IndexAny(glob, "*?["); i >= 0 {
		static = glob[:i]
	}
	if i := strings.LastIndex(static, "/"); i >= 0 {
		return static[:i+1]
	}
	return ""
}

func relID(root, p string) string {
	return strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
}

// listFn expands one input. A local path (file or folder, after glob
// expansion) is read right here by corpus.Walk, exactly as the CLI reads its
// arguments: folders recursively in name order with ids relative to the
// folder, .meta side files, hidden files skipped, unsupported files and
// symlink loops as error records. A path on another filesystem (gs://,
// s3://) is listed with the Beam filesystem and each file goes on to read.
// An input that matches nothing or cannot be listed becomes an error record,
// so a typo in one of several inputs does not stop the others.
type listFn struct {
	Corpus           corpusOptions
	DeadLetterShards int

	opts corpus.Options
}

func (fn *listFn) Setup() error {
	o, err := fn.Corpus.options()
	fn.opts = o
	return err
}

func (fn *listFn) ProcessElement(ctx context.Context, glob string, emitFile func(File), emitArticle func(Article), dead func(int, string)) error {
	fail := func(stage string, err error) {
		a := corpus.Article{ID: glob, Source: glob, Err: err, ErrStage: stage}
		emitError(ctx, dead, fn.DeadLetterShards, &a)
	}
	if !isRemote(glob) {
		paths := []string{glob}
		if strings.ContainsAny(glob, "*?[") {
			var err error
			if paths, err = filepath.Glob(glob); err != nil {
				fail("read", err)
				return nil
			}
			if len(paths) == 0 {
				fail("read", fmt.Errorf("no file matches %q", glob))
				return nil
			}
		}
		yield := func(a corpus.Article) bool {
			emitParsed(ctx, emitArticle, dead, fn.DeadLetterShards, &a)
			return true
		}
		if err := fn.opts.Walk(ctx, paths, nil, yield); err != nil {
			fail("read", err)
		}
		return nil
	}
	fsys, err := filesystem.New(ctx, glob)
	if err != nil {
		fail("read", err)
		return nil
	}
	defer fsys.Close()
	paths, err := fsys.List(ctx, glob)
	if err != nil {
		fail("read", err)
		return nil
	}
	sort.Strings(paths)
	root := globRoot(glob)
	n := 0
	for _, p := range paths {
		if strings.HasSuffix(p, "/") {
			continue // a folder placeholder object
		}
		if p != glob && (strings.HasPrefix(path.Base(p), ".") || strings.HasSuffix(p, ".meta")) {
			// Hidden files (.DS_Store, temp files) are skipped as a folder
			// walk skips them; .meta side files are read only for local
			// articles (corpus.Walk).
			continue
		}
		if !isRemote(p) {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				continue
			}
		}
		emitFile(File{Path: p, ID: relID(root, p), Format: formatOf(p)})
		n++
	}
	if n == 0 {
		fail("read", fmt.Errorf("no file matches %q", glob))
	}
	return nil
}

// emitParsed sends a parsed article on to extract, or its error record to
// the dead letters.
func emitParsed(ctx context.Context, emit func(Article), dead func(int, string), shards int, a *corpus.Article) {
	if a.Err != nil {
		emitError(ctx, dead, shards, a)
		return
	}
	out, err := fromCorpus(a)
	if err != nil {
		a.Err, a.ErrStage = err, "read"
		emitError(ctx, dead, shards, a)
		return
	}
	emit(out)
}

// readFn reads and parses one file with the corpus readers: a .txt file
// whole (up to MaxSize), JSON Lines and CSV files as streams of lines, each
// line bounded by MaxSize. Good articles go on to extract; inputs that cannot
// be read or parsed go straight to the dead letters.
type readFn struct {
	Corpus           corpusOptions
	DeadLetterShards int

	opts corpus.Options
}

// corpusOptions are the reading flags, kept as plain values so that the DoFn
// serialises the same way on every runner.
type corpusOptions struct {
	MaxSize   int64
	Latin1    bool
	Date      string // YYYY, YYYY-MM or YYYY-MM-DD; empty for none
	ForceDate bool
}

func (c corpusOptions) options() (corpus.Options, error) {
	o := corpus.Options{MaxSize: c.MaxSize, Latin1: c.Latin1, ForceDate: c.ForceDate}
	if c.Date != "" {
		d, err := corpus.ParseDateFlag(c.Date)
		if err != nil {
			return o, err
		}
		o.Date = d
	}
	return o, nil
}

func (fn *readFn) Setup() error {
	o, err := fn.Corpus.options()
	fn.opts = o
	return err
}

func (fn *readFn) ProcessElement(ctx context.Context, f File, emit func(Article), dead func(int, string)) error {
	fail := func(stage string, err error) {
		a := corpus.Article{ID: f.ID, Source: f.Path, Err: err, ErrStage: stage}
		emitError(ctx, dead, fn.DeadLetterShards, &a)
	}
	yield := func(a corpus.Article) bool {
		emitParsed(ctx, emit, dead, fn.DeadLetterShards, &a)
		return true
	}
	fsys, err := filesystem.New(ctx, f.Path)
	if err != nil {
		fail("read", err)
		return nil
	}
	defer fsys.Close()
	rc, err := fsys.OpenRead(ctx, f.Path)
	if err != nil {
		fail("read", err)
		return nil
	}
	defer rc.Close()
	var r io.Reader = rc
	if strings.HasSuffix(strings.ToLower(f.Path), ".gz") {
		zr, err := gzip.NewReader(rc)
		if err != nil {
			fail("decode", fmt.Errorf("gzip: %w", err))
			return nil
		}
		defer zr.Close()
		r = zr
	}
	switch f.Format {
	case formatJSONL, formatCSV:
		read := fn.opts.ReadJSONLines
		if f.Format == formatCSV {
			read = fn.opts.ReadCSV
		}
		seen := false
		err := read(ctx, r, f.Path, func(a corpus.Article) bool {
			seen = true
			if a.ID == a.Source { // no id of its own: "file:LINE" relative to the root, as Walk does
				a.ID = f.ID + strings.TrimPrefix(a.Source, f.Path)
			}
			return yield(a)
		})
		switch {
		case err != nil:
			// The lines before the failure went on; the error record says
			// where the rest of the file was lost.
			fail("read", fmt.Errorf("reading stopped: %w", err))
		case !seen:
			fail("decode", fmt.Errorf("%w (no lines)", corpus.ErrEmpty))
		}
		return nil
	}
	max := fn.opts.MaxSize
	if max <= 0 {
		max = corpus.DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		fail("read", err)
		return nil
	}
	if int64(len(data)) > max {
		// Not read whole, so ParseText would name the truncated size.
		size := int64(len(data))
		if s, err := fsys.Size(ctx, f.Path); err == nil && s > size {
			size = s
		}
		fail("size", corpus.SizeError(size, max))
		return nil
	}
	yield(fn.opts.ParseText(f.ID, f.Path, data))
	return nil
}
