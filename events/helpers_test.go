package events

import (
	_ "github.com/ereignis/ereignis/internal/golden"

	"github.com/ereignis/ereignis/document"
)

func newDoc(text string) *document.Document { return document.New("t", "t", text) }
