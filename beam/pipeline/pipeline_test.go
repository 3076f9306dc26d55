package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/ereignis/ereignis/batch"
	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/extract"
	_ "github.com/ereignis/ereignis/internal/golden"
)

// repoRoot is the ereignis module, two levels up from this package.
const repoRoot = "../.."

func TestMain(m *testing.M) {
	beam.Init()
	os.Exit(m.Run())
}

// runOnPrism runs the job on the Prism runner (loopback: the worker is this
// test process) and returns the record and error-record lines it wrote.
func runOnPrism(t *testing.T, o Options) (records, errs []string) {
	t.Helper()
	// The loopback worker writes a temp file; keep it in the test's dir.
	t.Setenv("TMPDIR", t.TempDir())
	p, err := Construct(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := prism.Execute(ctx, p); err != nil {
		t.Fatalf("pipeline failed on Prism: %v", err)
	}
	o, _ = o.withDefaults()
	return readShards(t, o.Output, o.Shards), readShards(t, o.DeadLetter, o.DeadLetterShards)
}

var shardName = regexp.MustCompile(`/part-(\d{5})-of-(\d{5})\.jsonl$`)

// readShards reads every part file of dir and checks that each line sits
// in the shard its id hashes to, and that no temporary file is left.
func readShards(t *testing.T, dir string, n int) []string {
	t.Helper()
	ctx := context.Background()
	fsys, err := filesystem.New(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer fsys.Close()
	all, err := fsys.List(ctx, joinPath(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range all {
		if !isRemote(p) {
			if st, err := os.Stat(p); err == nil && st.IsDir() {
				continue
			}
		}
		m := shardName.FindStringSubmatch(p)
		if m == nil || m[2] != fmt.Sprintf("%05d", n) {
			t.Errorf("unexpected file in output %s: %s", dir, p)
			continue
		}
		rc, err := fsys.OpenRead(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(data) == 0 || data[len(data)-1] != '\n' {
			t.Errorf("%s: empty or without a final newline", p)
		}
		for _, l := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
			var head struct{ ID string }
			if err := json.Unmarshal([]byte(l), &head); err != nil {
				t.Errorf("%s: line is not JSON: %v", p, err)
				continue
			}
			if want := fmt.Sprintf("%05d", shardOf(head.ID, n)); m[1] != want {
				t.Errorf("%s: record %q belongs in shard %s", p, head.ID, want)
			}
			lines = append(lines, l)
		}
	}
	return lines
}

// splitRecords splits output lines into records and error records.
func splitRecords(t *testing.T, lines []string) (records, errs []string) {
	t.Helper()
	for _, l := range lines {
		var head struct{ Error json.RawMessage }
		if err := json.Unmarshal([]byte(l), &head); err != nil {
			t.Fatalf("output line is not JSON: %v\n%.200s", err, l)
		}
		if head.Error != nil {
			errs = append(errs, l)
		} else {
			records = append(records, l)
		}
	}
	return records, errs
}

// sameLines compares two outputs as multisets of lines (Beam fixes no
// order) and reports the differing lines by id.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	var missing, extra []string
	for l, c := range count {
		for ; c > 0; c-- {
			missing = append(missing, l)
		}
		for ; c < 0; c++ {
			extra = append(extra, l)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	byID := map[string]string{}
	for _, l := range extra {
		byID[idOf(l)] = l
	}
	for _, l := range missing {
		if g, ok := byID[idOf(l)]; ok {
			delete(byID, idOf(l))
			i := 0
			for i < len(l) && i < len(g) && l[i] == g[i] {
				i++
			}
			from := max(0, i-80)
			t.Errorf("%s: record %q differs at byte %d:\n want …%.160s\n  got …%.160s", what, idOf(l), i, l[from:], g[from:])
			continue
		}
		t.Errorf("%s: missing from the Beam output: %.300s", what, l)
	}
	for _, l := range extra {
		if _, ok := byID[idOf(l)]; ok {
			t.Errorf("%s: only in the Beam output: %.300s", what, l)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: Beam wrote %d lines, want %d", what, len(got), len(want))
	}
}

func idOf(line string) string {
	var head struct{ ID, Source string }
	json.Unmarshal([]byte(line), &head)
	return head.ID + " " + head.Source
}

// buildCLI builds cmd/ereignis of the parent module as it is now.
func buildCLI(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the CLI with")
	}
	bin := filepath.Join(t.TempDir(), "ereignis")
	cmd := exec.Command(goBin, "build", "-o", bin, "./cmd/ereignis")
	cmd.Dir = repoRoot
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the CLI: %v\n%s", err, out)
	}
	return bin
}

// cliInput is what both runners read: the repository's testdata folder (the
// seed and tokenizer articles, golden files, the bad-input corpus).
var cliInput = filepath.Join(repoRoot, "testdata")

// TestPrismMatchesLibrary runs the Beam job and the CLI's own code path
// (corpus.Walk into batch.Run, compiled into this test) over testdata and
// wants the same records and error records, line for line. Both sides run
// whatever stages the library has now, so the test follows the library as
// stages land.
func TestPrismMatchesLibrary(t *testing.T) {
	compareWithBeam(t, "library", libraryLines(t, cliInput), cliInput)
}

// TestPrismMatchesLibrary10kGNAD does the same over real news: the first
// rows of the 10kGNAD test split, copied to a temp file at test time.
func TestPrismMatchesLibrary10kGNAD(t *testing.T) {
	const rows = 150
	data, err := os.ReadFile(filepath.Join(repoRoot, "..", "shared", "data", "news-10kgnad", "test.csv"))
	if err != nil {
		t.Skipf("10kGNAD not available (../shared absent?): %v", err)
	}
	lines := strings.SplitAfterN(string(data), "\n", rows+1)
	in := filepath.Join(t.TempDir(), "10kgnad-head.csv")
	if err := os.WriteFile(in, []byte(strings.Join(lines[:min(rows, len(lines))], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	compareWithBeam(t, "library", libraryLines(t, in), in)
}

// libraryLines reads input with the CLI's code path, corpus.Walk into
// batch.Run, compiled into this test.
func libraryLines(t *testing.T, input string) []string {
	t.Helper()
	p, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	src := func(ctx context.Context, yield func(corpus.Article) bool) error {
		return corpus.Options{}.Walk(ctx, []string{input}, nil, yield)
	}
	if err := batch.Run(context.Background(), p, batch.Options{Timeout: time.Minute}, src, func(r batch.Result) error {
		want = append(want, strings.TrimSuffix(string(r.Line), "\n"))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return want
}

// TestPrismMatchesCLI compares with the ereignis binary itself, built from
// the parent module: the issue's bar ("the Beam pipeline over testdata/ on
// Prism gives the same records as the CLI"). While others edit the shared
// tree, the CLI may be built from newer sources than this test; in a clean
// checkout (CI) both are the same.
func TestPrismMatchesCLI(t *testing.T) {
	var cliOut, cliErr bytes.Buffer
	cmd := exec.Command(buildCLI(t), "extract", "-q", cliInput)
	cmd.Stdout, cmd.Stderr = &cliOut, &cliErr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		// 1: the batch finished and some inputs gave error records.
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Fatalf("CLI: %v\n%s", err, cliErr.String())
		}
	}
	compareWithBeam(t, "CLI", strings.Split(strings.TrimSuffix(cliOut.String(), "\n"), "\n"), cliInput)
}

func compareWithBeam(t *testing.T, what string, want []string, input string) {
	t.Helper()
	wantRecords, wantErrs := splitRecords(t, want)
	if len(wantRecords) == 0 {
		t.Fatalf("the %s gave no record over %s; nothing to compare", what, input)
	}
	records, errs := runOnPrism(t, Options{Inputs: []string{input}, Output: t.TempDir(), Shards: 3, DeadLetterShards: 2, Timeout: time.Minute})
	r, e := splitRecords(t, records)
	r2, e2 := splitRecords(t, errs)
	if len(e) > 0 || len(r2) > 0 {
		t.Fatalf("%d error records among the records, %d records among the error records", len(e), len(r2))
	}
	sameLines(t, "records", r, wantRecords)
	sameLines(t, "error records", e2, wantErrs)
	if !t.Failed() {
		t.Logf("%d records and %d error records, the same as the %s's", len(records), len(errs), what)
	}
}

// TestPrismRemoteFilesystem reads through a Beam filesystem other than the
// local one (memfs, read the way gs:// or s3:// are): .txt, JSON Lines (also
// gzipped) and 10kGNAD CSV, with blank, broken, id-less and oversized lines,
// empty and oversized files, a hidden file and an input that matches
// nothing. The same files in a local folder, read by the CLI's code path
// (corpus.Walk into batch.Run), must give the same lines but for the paths.
func TestPrismRemoteFilesystem(t *testing.T) {
	texts, err := filepath.Glob(filepath.Join(repoRoot, "testdata", "*.txt"))
	if err != nil || len(texts) == 0 {
		t.Fatalf("no testdata/*.txt articles (%v)", err)
	}
	const maxSize = 64 << 10
	files := map[string][]byte{}
	var jsonl, csv bytes.Buffer
	for i, p := range texts {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files["txt/"+filepath.Base(p)] = data
		a := corpus.ParseText("x", "x", data)
		line, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("j%d", i), "date": a.DCT.Value(), "title": "T", "text": a.Text})
		jsonl.Write(line)
		jsonl.WriteString("\n\n") // a blank line is no article
		fmt.Fprintf(&csv, "Politik;'%s'\n", strings.ReplaceAll(strings.ReplaceAll(a.Text, "\n", " "), "'", "''"))
	}
	big := strings.Repeat("Ein sehr langer Artikel. ", maxSize/20)
	jsonl.WriteString(`{"text": "Ohne eigene Kennung am 5. Mai 2025."}` + "\n")
	jsonl.WriteString(`{"id": "big", "text": "` + big + `"}` + "\n")
	jsonl.WriteString(`{"id": "broken", "text": ` + "\n")
	jsonl.WriteString(`{"id": "no-text"}` + "\n")
	csv.WriteString("Politik;'unterminated\n")
	files["articles.jsonl"] = jsonl.Bytes()
	files["news.csv"] = csv.Bytes()
	files["archive/more.jsonl"] = jsonl.Bytes()
	files["empty.jsonl"] = nil
	files["txt/empty.txt"] = nil
	files["txt/big.txt"] = []byte(big)
	files["txt/.hidden.txt"] = []byte("Versteckt.")

	const root = "memfs://remote-test/in/"
	local := t.TempDir()
	for name, data := range files {
		p := filepath.Join(local, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".jsonl") && strings.HasPrefix(name, "archive/") {
			var gz bytes.Buffer
			zw := gzip.NewWriter(&gz)
			zw.Write(data)
			zw.Close()
			name, data = name+".gz", gz.Bytes()
		}
		memfs.Write(root+name, data)
	}

	p, err := extract.New(extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := corpus.Options{MaxSize: maxSize}
	var want []string
	src := func(ctx context.Context, yield func(corpus.Article) bool) error {
		return opts.Walk(ctx, []string{local}, nil, yield)
	}
	if err := batch.Run(context.Background(), p, batch.Options{}, src, func(r batch.Result) error {
		want = append(want, strings.ReplaceAll(strings.TrimSuffix(string(r.Line), "\n"), local+"/", root))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	const nothing = "memfs://remote-test/nothing/*.txt"
	missing := corpus.Article{ID: nothing, Source: nothing, Err: fmt.Errorf("no file matches %q", nothing), ErrStage: "read"}
	line, _ := marshal(missing.ErrorRecord())
	want = append(want, line)
	wantRecords, wantErrs := splitRecords(t, want)
	if len(wantRecords) < 3*len(texts)+1 || len(wantErrs) < 8 {
		t.Fatalf("test inputs gave %d records and %d error records; want at least %d and 8", len(wantRecords), len(wantErrs), 3*len(texts)+1)
	}

	records, errs := runOnPrism(t, Options{
		Inputs: []string{root + "*", root + "*/*", nothing}, Output: "memfs://remote-test/out/records",
		DeadLetter: "memfs://remote-test/out/dead", Shards: 2, MaxSize: maxSize,
	})
	for _, l := range [][]string{records, errs} {
		for i := range l {
			l[i] = strings.ReplaceAll(l[i], ".jsonl.gz", ".jsonl")
		}
	}
	sameLines(t, "records", records, wantRecords)
	sameLines(t, "error records", errs, wantErrs)
}

func TestGlobRoot(t *testing.T) {
	for glob, want := range map[string]string{
		"gs://b/news/*.txt":       "gs://b/news/",
		"gs://b/news/2025/**.txt": "gs://b/news/2025/",
		"s3://b/a/b/c.txt":        "s3://b/a/b/",
		"gs://b/n?ws/x":           "gs://b/",
		"x.txt":                   "",
	} {
		if got := globRoot(glob); got != want {
			t.Errorf("globRoot(%q) = %q, want %q", glob, got, want)
		}
	}
	if got := relID(globRoot("gs://b/news/*/*.txt"), "gs://b/news/2025/a.txt"); got != "2025/a.txt" {
		t.Errorf("relID = %q", got)
	}
}

func TestFormatOf(t *testing.T) {
	for p, want := range map[string]string{
		"a.txt": formatTxt, "a.JSONL": formatJSONL, "a.ndjson.gz": formatJSONL,
		"a.csv": formatCSV, "a.csv.gz": formatCSV, "a": formatTxt, "a.txt.gz": formatTxt,
	} {
		if got := formatOf(p); got != want {
			t.Errorf("formatOf(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestShardOfSpreads(t *testing.T) {
	seen := map[int]int{}
	for i := 0; i < 1000; i++ {
		s := shardOf(fmt.Sprintf("article-%d", i), 8)
		if s < 0 || s >= 8 {
			t.Fatalf("shard %d out of range", s)
		}
		seen[s]++
	}
	for s := 0; s < 8; s++ {
		if seen[s] < 80 { // 125 expected
			t.Errorf("shard %d got %d of 1000 ids", s, seen[s])
		}
	}
	if shardOf("x", 1) != 0 || shardOf("x", 0) != 0 {
		t.Error("one shard must be shard 0")
	}
}

func TestOptionsChecked(t *testing.T) {
	for _, o := range []Options{
		{Output: "out"},
		{Inputs: []string{"in"}},
		{Inputs: []string{"in"}, Output: "out", Date: "Mai 2025"},
	} {
		if _, err := Construct(o); err == nil {
			t.Errorf("Construct(%+v) accepted", o)
		}
	}
}

// TestGofmt covers the beam module, which the parent module's lint test
// skips as a nested module.
func TestGofmt(t *testing.T) {
	err := filepath.WalkDir("..", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out, err := format.Source(src)
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if !bytes.Equal(src, out) {
			t.Errorf("%s is not gofmt-formatted", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
