package extract

import (
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/stem"
)

// stemStage builds the stem stage: the German Snowball stem of every word
// token (see package stem and docs/stem.md).
func stemStage() (document.Stage, error) { return stem.NewStage(), nil }
