package events

import (
	_ "github.com/ereignis/ereignis/internal/golden"

	"github.com/ereignis/ereignis/document"
)

func newDoc(text string) *document.Document { return document.New("t", "t", text) }

// index returns the model's entries by their words, from the slabs (the
// tests' view of tab).
func (m *Model) index() map[string]*wordEntry {
	idx := map[string]*wordEntry{}
	for k := range m.slabs {
		for i := range m.slabs[k] {
			e := &m.slabs[k][i]
			idx[e.word] = e
		}
	}
	return idx
}
