package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// bigInput writes n articles in the 10kGNAD layout, cycling through the
// 1,028 real articles (ids big.csv:1..n). Generated, never committed.
func bigInput(t testing.TB, n int) string {
	t.Helper()
	src, err := os.ReadFile(gnad)
	if err != nil {
		t.Skip("../shared/data/news-10kgnad absent")
	}
	rows := bytes.Split(bytes.TrimRight(src, "\n"), []byte("\n"))
	p := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := 0; i < n; i++ {
		w.Write(rows[i%len(rows)])
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// bigN is the size of the "large run" tests: 100,000 with EREIGNIS_BIG=1,
// otherwise small enough for CI.
func bigN(small int) int {
	if os.Getenv("EREIGNIS_BIG") == "1" {
		return 100000
	}
	return small
}

// checkComplete asserts that the output holds big.csv:1..n exactly once,
// in order.
func checkComplete(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	i := 0
	for sc.Scan() {
		i++
		want := `{"schema":1,"id":"big.csv:` + strconv.Itoa(i) + `"`
		if !bytes.HasPrefix(sc.Bytes(), []byte(want)) {
			t.Fatalf("line %d: want %s..., got %.80s", i, want, sc.Bytes())
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if i != n {
		t.Fatalf("%d lines, want %d", i, n)
	}
}

// waitForRecords polls the part file until it holds some records, and
// fails when the child finishes first.
func waitForRecords(t *testing.T, part string, min int64, exited <-chan error) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			t.Fatalf("the run ended (%v) before it could be interrupted; make the input bigger", err)
		default:
		}
		if fi, err := os.Stat(part); err == nil && fi.Size() >= min {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatal("no records after 2 minutes")
}

// TestKillResume kills (SIGKILL) a run in the middle, checks that no
// output file appeared (only the part file), then --resume finishes it:
// every article exactly once, in order, byte-identical to a clean run.
func TestKillResume(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	n := bigN(2000)
	in := bigInput(t, n)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	cmd := helperCmd(os.Args[0], "extract", "-j", "2", "-o", out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Kill at about a fifth of the run (records are ~45 KB per article).
	waitForRecords(t, out+".part", int64(n)*10<<10, exited)
	cmd.Process.Kill()
	<-exited
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a killed run left an output file; only FILE.part may exist")
	}
	part, _ := os.ReadFile(out + ".part")
	done := bytes.Count(part, []byte("\n"))
	partial := len(part) > 0 && part[len(part)-1] != '\n'
	t.Logf("killed with %d complete records in the part file (partial last line: %v)", done, partial)

	code, _, errs := runCLI(t, nil, "extract", "-j", "1", "--resume", "-o", out, in)
	if code != exitOK {
		t.Fatalf("resume: exit %d\n%s", code, errs)
	}
	if !strings.Contains(errs, fmt.Sprintf("%d resumed", done)) {
		t.Errorf("resume should skip the %d records already written: %s", done, errs)
	}
	checkComplete(t, out, n)
	if os.Getenv("EREIGNIS_BIG") != "1" {
		clean := filepath.Join(t.TempDir(), "clean.jsonl")
		if code, _, errs := runCLI(t, nil, "extract", "-o", clean, in); code != exitOK {
			t.Fatalf("clean run: exit %d\n%s", code, errs)
		}
		a, _ := os.ReadFile(out)
		b, _ := os.ReadFile(clean)
		if !bytes.Equal(a, b) {
			t.Fatal("killed+resumed output differs from a clean run")
		}
	}
}

// TestInterruptFlushes sends SIGINT: the run stops reading, finishes the
// articles in flight, exits 130 and leaves a part file of whole records,
// which --resume completes.
func TestInterruptFlushes(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	n := 2000
	in := bigInput(t, n)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	cmd := helperCmd(os.Args[0], "extract", "-j", "2", "-o", out, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	waitForRecords(t, out+".part", 1, exited)
	cmd.Process.Signal(syscall.SIGINT)
	<-exited
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Fatalf("exit %d after SIGINT, want %d\n%s", code, exitInterrupted, stderr.String())
	}
	part, _ := os.ReadFile(out + ".part")
	if len(part) == 0 || part[len(part)-1] != '\n' {
		t.Fatal("after SIGINT the part file must end with a complete record")
	}
	if !strings.Contains(stderr.String(), "rerun with --resume") {
		t.Errorf("stderr should say how to continue: %s", stderr.String())
	}
	if code, _, errs := runCLI(t, nil, "extract", "--resume", "-o", out, in); code != exitOK {
		t.Fatalf("resume: exit %d\n%s", code, errs)
	}
	checkComplete(t, out, n)
}

// TestResumeChecksInputs: --resume over other inputs is refused, and a
// partial last line is cut off before appending.
func TestResumeChecksInputs(t *testing.T) {
	dir := t.TempDir()
	for i := 1; i <= 5; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(fmt.Sprintf("Artikel Nummer %d.", i)), 0o644)
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	if code, _, errs := runCLI(t, nil, "extract", "-o", out, dir); code != exitOK {
		t.Fatal(errs)
	}
	full, _ := os.ReadFile(out)
	lines := bytes.SplitAfter(full, []byte("\n"))
	// Simulate a crash: two whole records and half of the third.
	os.Remove(out)
	os.WriteFile(out+".part", append(append(append([]byte{}, lines[0]...), lines[1]...), lines[2][:10]...), 0o644)
	code, _, errs := runCLI(t, nil, "extract", "--resume", "-o", out, dir)
	if code != exitOK || !strings.Contains(errs, "2 resumed") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, full) {
		t.Fatalf("resumed output differs:\n%s\nwant\n%s", got, full)
	}
	// Resuming a finished output over the same inputs changes nothing.
	if code, _, errs := runCLI(t, nil, "extract", "--resume", "-o", out, dir); code != exitOK || !strings.Contains(errs, "5 resumed") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got, _ := os.ReadFile(out); !bytes.Equal(got, full) {
		t.Fatal("resuming a finished run changed it")
	}
	// Other inputs: refused, nothing appended.
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "z.txt"), []byte("Ganz anders."), 0o644)
	if code, _, errs := runCLI(t, nil, "extract", "--resume", "-o", out, other); code != exitUsage || !strings.Contains(errs, "inputs differ") {
		t.Fatalf("resume over other inputs: exit %d: %s", code, errs)
	}
}

// TestMemoryFlat compares the peak RSS of whole-process runs over 1,000 and
// many more articles (100,000 with EREIGNIS_BIG=1): memory must not grow
// with the input (within 20 %).
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	rss := func(n int) int64 {
		in := bigInput(t, n)
		devnull, _ := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		defer devnull.Close()
		cmd := helperCmd(os.Args[0], "extract", "-j", "2", in)
		cmd.Env = append(cmd.Env, "EREIGNIS_REPORT_RSS=1")
		cmd.Stdout = devnull
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			t.Fatalf("%d articles: %v\n%s", n, err, stderr.String())
		}
		var kb int64
		for _, l := range strings.Split(stderr.String(), "\n") {
			if f := strings.Fields(l); len(f) == 3 && f[0] == "VmHWM:" {
				kb, _ = strconv.ParseInt(f[1], 10, 64)
			}
		}
		if kb == 0 {
			t.Skip("no /proc/self/status VmHWM on this system")
		}
		t.Logf("%d articles: peak RSS %.1f MB; %s", n, float64(kb)/1024, strings.TrimSpace(stderr.String()))
		return kb
	}
	small, big := rss(1000), rss(bigN(5000))
	if float64(big) > 1.2*float64(small) {
		t.Errorf("peak RSS grew from %d KB to %d KB (> 20 %%)", small, big)
	}
}
