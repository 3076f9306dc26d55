package extract

import (
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/timex"
)

// timexStage builds the time-expression stage: TIMEX3 found by the rules
// in models/timex and anchored on the DCT or the last mentioned date; it
// may narrow a month-precision DCT from the text (see package timex).
func timexStage() (document.Stage, error) {
	tg, err := timex.Default()
	if err != nil {
		return nil, err
	}
	return timex.NewStage(tg), nil
}
