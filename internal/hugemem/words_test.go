package hugemem

import (
	"bufio"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	_ "github.com/ereignis/ereignis/internal/golden" // accepts -update
)

// TestWords checks that the interior of a 16 MB Words allocation lies on
// huge pages.
func TestWords(t *testing.T) {
	skipWithoutTHP(t)
	fallback := vmstat(t, "thp_fault_fallback")
	table := Words(16 << 20 / 8)
	for i := range table {
		table[i] = uint64(i)
	}
	addr := uint64(uintptr(unsafe.Pointer(&table[len(table)/2])))
	huge := anonHugeKB(t, addr)
	runtime.KeepAlive(table)
	if huge == 0 && vmstat(t, "thp_fault_fallback") > fallback {
		// Advised, but the kernel had no free huge page at hand
		// (fragmented memory): not this package's failure.
		t.Skip("the kernel fell back to 4 KB pages for advised memory")
	}
	if huge == 0 {
		t.Errorf("the middle of a 16 MB Words table, %#x, lies on no huge page", addr)
	}
}

func skipWithoutTHP(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("huge pages are advised on Linux only")
	}
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skipf("transparent huge pages are off here (%q, %v)", mode, err)
	}
}

// vmstat returns the counter name of /proc/vmstat.
func vmstat(t *testing.T, name string) int {
	b, err := os.ReadFile("/proc/vmstat")
	if err != nil {
		t.Skip(err)
	}
	for l := range strings.Lines(string(b)) {
		if k, v, ok := strings.Cut(strings.TrimSpace(l), " "); ok && k == name {
			n, _ := strconv.Atoi(v)
			return n
		}
	}
	return 0
}

// TestAdviseHeap checks that the tables allocated after AdviseHeap lie in
// memory advised for huge pages (the mapping's VmFlags has hg) and, once
// written, on huge pages. Without the advice the heap's fresh memory
// lacks the flag.
func TestAdviseHeap(t *testing.T) {
	skipWithoutTHP(t)
	prev := debug.SetGCPercent(-1) // as the CLI loads its models
	defer debug.SetGCPercent(prev)
	AdviseHeap(64 << 20)
	fallback := vmstat(t, "thp_fault_fallback")
	var tables [][]uint64
	for range 4 {
		tables = append(tables, make([]uint64, 8<<20/8))
	}
	for _, w := range tables {
		for i := range w {
			w[i] = uint64(i)
		}
	}
	for k, w := range tables {
		addr := uint64(uintptr(unsafe.Pointer(&w[len(w)/2])))
		if flags := smapsField(t, addr, "VmFlags:"); !slices.Contains(flags, "hg") {
			t.Errorf("table %d at %#x: its mapping is not advised for huge pages (VmFlags %v)", k, addr, flags)
		}
		if huge := anonHugeKB(t, addr); huge == 0 && vmstat(t, "thp_fault_fallback") == fallback {
			t.Errorf("table %d at %#x lies on no huge page", k, addr)
		}
	}
	runtime.KeepAlive(tables)
}

// anonHugeKB returns the AnonHugePages of the mapping that holds addr.
func anonHugeKB(t *testing.T, addr uint64) int {
	fs := smapsField(t, addr, "AnonHugePages:")
	if len(fs) == 0 {
		t.Fatalf("no AnonHugePages for the mapping of %#x", addr)
	}
	kb, _ := strconv.Atoi(fs[0])
	return kb
}

// smapsField returns the words after name in the /proc/self/smaps entry
// of the mapping that holds addr.
func smapsField(t *testing.T, addr uint64, name string) []string {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(fs[0], "-"); ok && len(fs) >= 5 {
			a, err1 := strconv.ParseUint(lo, 16, 64)
			b, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && a <= addr && addr < b
			continue
		}
		if in && fs[0] == name {
			return fs[1:]
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return nil
}

// TestAligned checks that Aligned's window has the length asked for and,
// from one huge page on, starts on a huge-page boundary.
func TestAligned(t *testing.T) {
	for _, n := range []int{1, 1000, HugePage / 8, HugePage/8 + 3} {
		w := Aligned(n)
		if len(w) != n || cap(w) != n {
			t.Fatalf("Aligned(%d): len %d cap %d", n, len(w), cap(w))
		}
		if a := uintptr(unsafe.Pointer(&w[0])) % HugePage; runtime.GOOS == "linux" && n >= HugePage/8 && a != 0 {
			t.Fatalf("Aligned(%d) starts %d bytes past a huge page", n, a)
		}
		for _, v := range w {
			if v != 0 {
				t.Fatalf("Aligned(%d) is not zeroed", n)
			}
		}
	}
}
