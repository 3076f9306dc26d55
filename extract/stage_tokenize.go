package extract

import (
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/tokenize"
)

// tokenizeStage builds the tokenize stage: tokens with byte offsets and
// sentences (see package tokenize).
func tokenizeStage() (document.Stage, error) {
	s, err := tokenize.NewStage()
	if err != nil {
		return nil, err
	}
	return s, nil
}
