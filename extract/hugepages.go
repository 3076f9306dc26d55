package extract

import (
	"sync"

	"github.com/ereignis/ereignis/internal/hugemem"
)

// primeBytes covers the models New loads (about 60 MB of heap) and the
// documents in flight after them.
const primeBytes = 128 << 20

var primeOnce sync.Once

// PrimeHeap prepares the process's heap so that the model tables New loads
// next lie on 2 MB pages where Linux allows it (transparent huge pages in
// "madvise" or "always" mode). The stages probe those tables at random, and
// on 4 KB pages most probes of a rare word also miss the TLB: with the
// tables on huge pages the pipeline runs about 8 % faster
// (docs/performance.md, Round 4). It runs one garbage collection and leaves
// 128 MB of advised address space to the heap, so it is for programs that
// own their process (the CLI, a batch worker), called once before New;
// later calls do nothing. Elsewhere than Linux it does nothing.
func PrimeHeap() {
	primeOnce.Do(func() { hugemem.Prime(primeBytes) })
}
