package document

import "context"

// Layer names a kind of annotation a stage adds to a Document.
type Layer string

const (
	LayerTokens     Layer = "tokens"
	LayerSentences  Layer = "sentences"
	LayerStems      Layer = "stems"
	LayerLemmas     Layer = "lemmas"
	LayerEntities   Layer = "entities"
	LayerTimexes    Layer = "timexes"
	LayerDCT        Layer = "dct" // a stage that may refine the DCT from the text
	LayerEvents     Layer = "events"
	LayerStatements Layer = "statements"
)

// Stage is one step of the pipeline. A Stage is built once and then used by
// many goroutines at once: Process must not keep per-document state in the
// Stage itself (use local variables or a sync.Pool).
type Stage interface {
	// Name identifies the stage in error records ("tokenize", "ner", ...).
	Name() string
	// Requires lists the layers that must exist before the stage runs;
	// Provides lists the layers it adds. The pipeline checks the order when
	// it is built, so a misordered pipeline fails early.
	Requires() []Layer
	Provides() []Layer
	// Process enriches d. It should return ctx.Err() promptly once ctx is done.
	Process(ctx context.Context, d *Document) error
}
