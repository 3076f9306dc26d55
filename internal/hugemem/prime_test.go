package hugemem

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestWords checks that the interior of a 16 MB Words allocation lies on
// huge pages. It runs before TestPrime, whose advised memory would make
// any later allocation pass.
func TestWords(t *testing.T) {
	skipWithoutTHP(t)
	table := Words(16 << 20 / 8)
	for i := range table {
		table[i] = uint64(i)
	}
	addr := uint64(uintptr(unsafe.Pointer(&table[len(table)/2])))
	huge := anonHugeKB(t, addr)
	runtime.KeepAlive(table)
	if huge == 0 {
		t.Errorf("the middle of a 16 MB Words table, %#x, lies on no huge page", addr)
	}
}

// TestPrime checks that a table allocated after Prime is backed by huge
// pages: the smaps entry of the mapping that holds it counts
// AnonHugePages.
func TestPrime(t *testing.T) {
	skipWithoutTHP(t)
	if got := Prime(64 << 20); got < 32<<20 {
		t.Fatalf("Prime(64 MB) advised %d bytes", got)
	}
	table := make([]uint64, 16<<20/8)
	for i := range table {
		table[i] = uint64(i)
	}
	// The middle: the first bytes may lie before the first whole huge
	// page, in memory that was not advised.
	addr := uint64(uintptr(unsafe.Pointer(&table[len(table)/2])))
	huge := anonHugeKB(t, addr)
	runtime.KeepAlive(table)
	if huge == 0 {
		t.Errorf("the middle of a 16 MB table, %#x, lies on no huge page", addr)
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
