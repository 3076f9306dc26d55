package extract

import "github.com/ereignis/ereignis/document"

// stemStage builds the stem stage of the default pipeline (nil until it exists).
func stemStage() (document.Stage, error) { return nil, nil }
