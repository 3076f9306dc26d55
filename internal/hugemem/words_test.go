package hugemem

import (
	"bufio"
	"os"
	"runtime"
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

// anonHugeKB returns the AnonHugePages of the mapping that holds addr.
func anonHugeKB(t *testing.T, addr uint64) int {
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
		if in && fs[0] == "AnonHugePages:" {
			kb, _ := strconv.Atoi(fs[1])
			return kb
		}
	}
	t.Fatalf("no mapping holds %#x", addr)
	return 0
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
