package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"
	"github.com/ereignis/ereignis/schema"
)

const gnad = "../../../shared/data/news-10kgnad/test.csv"

// runCLI runs `ereignis ARGS` in-process.
func runCLI(t *testing.T, stdin io.Reader, args ...string) (int, []byte, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	code := run(args, stdin, &out, &errb)
	return code, out.Bytes(), errb.String()
}

// line is the part of a record or error record the tests look at.
type line struct {
	ID       string   `json:"id"`
	Source   string   `json:"source"`
	Text     string   `json:"text"`
	Warnings []string `json:"warnings"`
	DCT      *struct {
		Value, Origin string
	} `json:"dct"`
	Error *struct {
		Stage, Message string
	} `json:"error"`
}

func parseLines(t *testing.T, out []byte) []line {
	t.Helper()
	var ls []line
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("output line is not JSON: %v: %.200s", err, sc.Bytes())
		}
		if err := schema.Validate(sc.Bytes()); err != nil {
			t.Errorf("%s: line does not match schema/record.schema.json: %v", l.ID, err)
		}
		ls = append(ls, l)
	}
	return ls
}

// TestHelperProcess is the child process of the tests below: it runs the
// CLI with the arguments after "--" (the os.Args[0] re-exec pattern).
func TestHelperProcess(t *testing.T) {
	if os.Getenv("EREIGNIS_HELPER") != "1" {
		t.Skip("only runs as a child process")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	code := run(args, os.Stdin, os.Stdout, os.Stderr)
	if os.Getenv("EREIGNIS_REPORT_RSS") == "1" {
		// rusage's maxrss of a child includes its parent's RSS at exec time
		// on Linux, so the child reports its own high-water mark.
		status, _ := os.ReadFile("/proc/self/status")
		for _, l := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				fmt.Fprintln(os.Stderr, l)
			}
		}
	}
	os.Exit(code)
}

func helperCmd(exe string, args ...string) *exec.Cmd {
	cmd := exec.Command(exe, append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "EREIGNIS_HELPER=1")
	return cmd
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if fi.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// expectation is the documented outcome of one bad input (docs/batch.md).
type expectation struct {
	stage string // "" for a record
	has   string // substring of the error message, or of a warning
	dct   string // DCT value of a record, "" for none
}

var badOutcomes = map[string]expectation{
	"empty.txt":          {stage: "decode", has: "empty input: no text (0 bytes)"},
	"whitespace.txt":     {stage: "decode", has: "only white space"},
	"image.png":          {stage: "read", has: "unsupported file type .png (PNG image)"},
	"png-as-text.txt":    {stage: "decode", has: "binary data, not text (PNG image)"},
	"elf.txt":            {stage: "decode", has: "ELF executable"},
	"archive.zip":        {stage: "read", has: "zip archive"},
	"control.txt":        {stage: "decode", has: "mostly control characters"},
	"notes.md":           {stage: "read", has: "unsupported file type .md"},
	"orphan.meta":        {stage: "read", has: "side file without its article orphan.txt"},
	"invalid-utf8.txt":   {stage: "decode", has: "invalid UTF-8 at byte offset 38"},
	"latin1.txt":         {stage: "decode", has: "--latin1"},
	"utf16le-bom.txt":    {has: "decoded from UTF-16", dct: "2025-05-05"},
	"utf16be-bom.txt":    {has: "decoded from UTF-16", dct: "2025-05-05"},
	"utf16-odd.txt":      {stage: "decode", has: "truncated UTF-16"},
	"no-date.txt":        {},
	"bad-date.txt":       {has: `malformed date "2025-13-40"`},
	"dated.txt":          {has: "replaces the date line 2025-05", dct: "2025-05-09"},
	"sub/good.txt":       {},
	"empty.jsonl":        {stage: "decode", has: "no lines"},
	"ok-1":               {dct: "2025-05-05"},
	"malformed.jsonl:2":  {stage: "parse", has: "malformed JSON"},
	"malformed.jsonl:3":  {stage: "parse", has: "exceeded max depth"},
	"nested":             {stage: "parse", has: `"text" must be a string, not an object`},
	"no-text":            {stage: "parse", has: `no "text" field`},
	"latin1-line":        {stage: "decode", has: "invalid UTF-8"},
	"bad-date":           {has: `malformed date "31.02.2025"`},
	"ok-2":               {},
	"malformed.jsonl:10": {stage: "parse", has: "malformed JSON"},
	"broken.csv:1":       {},
	"broken.csv:2":       {stage: "parse", has: "never closed"},
	"broken.csv:3":       {stage: "parse", has: "after the closing quote"},
	"broken.csv:4":       {stage: "parse", has: "3 fields"},
	"broken.csv:5":       {},
}

// TestBadInputs runs the CLI over testdata/bad plus the inputs that are
// generated here because they are big, links or special files, and checks
// every documented outcome: one line per input, records + error records ==
// inputs, each error naming its file, exit status 1, no panic.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../testdata/bad", dir)
	want := map[string]expectation{}
	for k, v := range badOutcomes {
		want[k] = v
	}
	gen := func(name string, e expectation, make func(p string) error) {
		if err := make(filepath.Join(dir, name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want[name] = e
	}
	// 50 MB: refused by size before it is read (the limit is 10 MB).
	gen("big.txt", expectation{stage: "size", has: "50.0 MB is over the size limit of 10.0 MB"}, func(p string) error {
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		defer f.Close()
		chunk := bytes.Repeat([]byte("Die Regierung tagte. "), 1<<14)
		for n := 0; n < 50<<20; n += len(chunk) {
			if n+len(chunk) > 50<<20 {
				chunk = chunk[:50<<20-n]
			}
			if _, err := f.Write(chunk); err != nil {
				return err
			}
		}
		return nil
	})
	// A 1 MB line without spaces is text: it gets a record.
	gen("longline.txt", expectation{}, func(p string) error {
		return os.WriteFile(p, bytes.Repeat([]byte("ä"), 1<<19), 0o644)
	})
	gen("loop", expectation{stage: "read", has: "symlink loop"}, func(p string) error { return os.Symlink(".", p) })
	gen("ping.txt", expectation{stage: "read", has: "too many levels of symbolic links"}, func(p string) error {
		if err := os.Symlink("pong.txt", p); err != nil {
			return err
		}
		want["pong.txt"] = expectation{stage: "read", has: "too many levels of symbolic links"}
		return os.Symlink("ping.txt", filepath.Join(dir, "pong.txt"))
	})
	gen("dangling.txt", expectation{stage: "read", has: "no such file or directory"}, func(p string) error {
		return os.Symlink("nowhere.txt", p)
	})
	gen("fifo.txt", expectation{stage: "read", has: "not a regular file"}, func(p string) error {
		return syscall.Mkfifo(p, 0o644)
	})

	code, out, stderr := runCLI(t, nil, "extract", "-j", "2", "-o", filepath.Join(t.TempDir(), "out.jsonl"), dir)
	_ = out
	if code != exitSomeFailed {
		t.Errorf("exit status %d, want %d (some articles failed, batch finished)\n%s", code, exitSomeFailed, stderr)
	}
	if strings.Contains(stderr, "panic") {
		t.Errorf("panic on stderr:\n%s", stderr)
	}
	code, out, _ = runCLI(t, nil, "extract", "-j", "2", dir)
	got := parseLines(t, out)
	seen := map[string]bool{}
	records, errs := 0, 0
	for _, l := range got {
		if seen[l.ID] {
			t.Errorf("%s: two lines", l.ID)
		}
		seen[l.ID] = true
		e, ok := want[l.ID]
		if !ok {
			t.Errorf("unexpected line for %s: %+v", l.ID, l)
			continue
		}
		if l.Error != nil {
			errs++
			if e.stage == "" {
				t.Errorf("%s: want a record, got error %s: %s", l.ID, l.Error.Stage, l.Error.Message)
				continue
			}
			if l.Error.Stage != e.stage || !strings.Contains(l.Error.Message, e.has) {
				t.Errorf("%s: want %s error with %q, got %s: %s", l.ID, e.stage, e.has, l.Error.Stage, l.Error.Message)
			}
			if !strings.HasPrefix(l.Error.Message, l.Source) || !strings.Contains(l.Source, dir) {
				t.Errorf("%s: error must name its file: source %q message %q", l.ID, l.Source, l.Error.Message)
			}
			continue
		}
		records++
		if e.stage != "" {
			t.Errorf("%s: want %s error with %q, got a record", l.ID, e.stage, e.has)
			continue
		}
		if e.has != "" && !strings.Contains(strings.Join(l.Warnings, "\n"), e.has) {
			t.Errorf("%s: want warning %q, got %q", l.ID, e.has, l.Warnings)
		}
		dct := ""
		if l.DCT != nil {
			dct = l.DCT.Value
		}
		if dct != e.dct {
			t.Errorf("%s: dct %q, want %q", l.ID, dct, e.dct)
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("%s: no output line (lost input)", id)
		}
	}
	if records+errs != len(want) {
		t.Errorf("records %d + error records %d != inputs %d", records, errs, len(want))
	}
	t.Logf("%d inputs: %d records, %d error records", len(want), records, errs)
}

// TestLatin1Flag: with --latin1 the Latin-1 file becomes a record with the
// right umlauts and a warning.
func TestLatin1Flag(t *testing.T) {
	code, out, stderr := runCLI(t, nil, "extract", "--latin1", "../../testdata/bad/latin1.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	l := parseLines(t, out)[0]
	if !strings.HasPrefix(l.Text, "Müller traf den Außenminister in Köln.") || len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], "Windows-1252") {
		t.Fatalf("got %q %q", l.Text, l.Warnings)
	}
}

// TestBadFolderBar is the bar: a folder with an empty file, a
// binary file, a file with invalid UTF-8 and an unreadable sub-folder gives
// an error record per bad input and records for the good ones; exit status
// 1, batch finished. Root reads through chmod 000, so as root the CLI runs
// in a child process with the uid of nobody.
func TestBadFolderBar(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "in")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "locked"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "open"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "a-good.txt"), []byte("date 2025-05\nPutin traf Trump in Moskau."), 0o644))
	must(os.WriteFile(filepath.Join(dir, "open", "b-good.txt"), []byte("Die Regierung tagte am Montag."), 0o644))
	must(os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))
	bin, _ := os.ReadFile("../../testdata/bad/png-as-text.txt")
	must(os.WriteFile(filepath.Join(dir, "binary.txt"), bin, 0o644))
	must(os.WriteFile(filepath.Join(dir, "invalid.txt"), []byte("Gr\xfc\xdfe aus K\xf6ln"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "locked", "hidden.txt"), []byte("Unerreichbar."), 0o644))
	must(os.WriteFile(filepath.Join(dir, "unreadable.txt"), []byte("Unlesbar."), 0o644))
	must(os.Chmod(filepath.Join(dir, "locked"), 0))
	must(os.Chmod(filepath.Join(dir, "unreadable.txt"), 0))
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755) // so t.TempDir can clean up

	var out []byte
	var code int
	var stderr string
	if _, err := os.ReadDir(filepath.Join(dir, "locked")); err == nil {
		// Root: permissions do not stop reading. Run as nobody instead.
		if runtime.GOOS != "linux" {
			t.Skip("running as root and cannot drop privileges on " + runtime.GOOS)
		}
		exeDir := filepath.Join(base, "bin")
		must(os.MkdirAll(exeDir, 0o755))
		exe := filepath.Join(exeDir, "ereignis.test")
		data, err := os.ReadFile(os.Args[0])
		must(err)
		must(os.WriteFile(exe, data, 0o755))
		for p := base; p != "/" && p != "."; p = filepath.Dir(p) {
			fi, err := os.Stat(p)
			must(err)
			if fi.Mode().Perm()&0o005 != 0o005 {
				must(os.Chmod(p, fi.Mode().Perm()|0o005))
			}
		}
		cmd := helperCmd(exe, "extract", "-j", "2", dir)
		cmd.Dir = "/"
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		var ob, eb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &ob, &eb
		err = cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Skipf("running as root and cannot start a child as nobody (%v): the unreadable cases are not testable here", err)
		}
		out, stderr = ob.Bytes(), eb.String()
		t.Log("running as root: the CLI ran as uid 65534 so that chmod 000 takes effect")
	} else {
		code, out, stderr = runCLI(t, nil, "extract", "-j", "2", dir)
	}
	if code != exitSomeFailed {
		t.Fatalf("exit status %d, want 1\n%s", code, stderr)
	}
	byID := map[string]line{}
	for _, l := range parseLines(t, out) {
		byID[l.ID] = l
	}
	wantErr := map[string]string{
		"empty.txt":      "empty input",
		"binary.txt":     "binary data",
		"invalid.txt":    "invalid UTF-8",
		"locked":         "permission denied",
		"unreadable.txt": "permission denied",
	}
	for id, msg := range wantErr {
		l, ok := byID[id]
		if !ok || l.Error == nil || !strings.Contains(l.Error.Message, msg) || !strings.Contains(l.Error.Message, filepath.Join(dir, id)) {
			t.Errorf("%s: want an error record with %q naming the file, got %+v", id, msg, l.Error)
		}
	}
	for _, id := range []string{"a-good.txt", "open/b-good.txt"} {
		if l, ok := byID[id]; !ok || l.Error != nil {
			t.Errorf("%s: want a record, got %+v", id, l)
		}
	}
	if len(byID) != len(wantErr)+2 {
		t.Errorf("%d lines, want %d: %v", len(byID), len(wantErr)+2, keys(byID))
	}
	if !strings.Contains(stderr, "7 articles, 2 records, 5 errors") {
		t.Errorf("summary: %s", stderr)
	}
}

func keys(m map[string]line) []string {
	var k []string
	for id := range m {
		k = append(k, id)
	}
	return k
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"extract"},
		{"extract", "-j", "0", "x"},
		{"extract", "--resume", "x"},
		{"extract", "--date", "gestern", "x"},
		{"extract", "--max-size", "lots", "x"},
		{"extract", "--bogus", "x"},
	} {
		if code, _, _ := runCLI(t, nil, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestStdin: `ereignis extract -` reads JSON Lines from stdin.
func TestStdin(t *testing.T) {
	in := `{"id":"a","text":"Erster Artikel."}` + "\n\n" + `{"id":"b","date":"2025-05","text":"Zweiter."}` + "\n"
	code, out, stderr := runCLI(t, strings.NewReader(in), "extract", "-", "--date", "2024-01-01")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ls := parseLines(t, out)
	if len(ls) != 2 || ls[0].ID != "a" || ls[1].ID != "b" || ls[0].Source != "-:1" || ls[1].Source != "-:3" {
		t.Fatalf("got %+v", ls)
	}
	if ls[0].DCT == nil || ls[0].DCT.Origin != "flag" || ls[1].DCT.Origin != "json" {
		t.Errorf("--date fills only: %+v %+v", ls[0].DCT, ls[1].DCT)
	}
}

// Test10kGNAD is the bar: 1,028 articles, 1,028 records, no panic,
// and byte-identical output at -j 1 and -j 2 (and between two runs).
func Test10kGNAD(t *testing.T) {
	if _, err := os.Stat(gnad); err != nil {
		t.Skip("../shared/data/news-10kgnad absent")
	}
	outs := map[string][]byte{}
	for _, j := range []string{"1", "2"} {
		o := filepath.Join(t.TempDir(), "out.jsonl")
		code, _, stderr := runCLI(t, nil, "extract", "-j", j, "-o", o, gnad)
		if code != exitOK {
			t.Fatalf("-j %s: exit %d\n%s", j, code, stderr)
		}
		if !strings.Contains(stderr, "1028 articles, 1028 records, 0 errors") {
			t.Errorf("-j %s summary: %s", j, stderr)
		}
		data, err := os.ReadFile(o)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(o + ".part"); err == nil {
			t.Error("part file left behind after a finished run")
		}
		outs[j] = data
	}
	if !bytes.Equal(outs["1"], outs["2"]) {
		t.Fatal("output at -j 1 and -j 2 differs")
	}
	ls := parseLines(t, outs["1"])
	if len(ls) != 1028 {
		t.Fatalf("%d records", len(ls))
	}
	for i, l := range ls {
		if want := fmt.Sprintf("test.csv:%d", i+1); l.ID != want || l.Error != nil {
			t.Fatalf("line %d: id %s, error %+v", i+1, l.ID, l.Error)
		}
	}
}
