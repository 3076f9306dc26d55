package extract

import "github.com/ereignis/ereignis/document"

// tokenizeStage builds the tokenize stage of the default pipeline (nil until it exists).
func tokenizeStage() (document.Stage, error) { return nil, nil }
