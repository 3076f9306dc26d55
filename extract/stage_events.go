package extract

import (
	"github.com/ereignis/ereignis/document"
	"github.com/ereignis/ereignis/events"
)

// eventsStage builds the events stage: typed events with arguments,
// polarity, modality and attribution, and the statements they are reported
// in (see package events).
func eventsStage() (document.Stage, error) {
	s, err := events.New()
	if err != nil {
		return nil, err
	}
	return s, nil
}
