package batch_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/ereignis/ereignis/batch"
	"github.com/ereignis/ereignis/corpus"
	"github.com/ereignis/ereignis/extract"
)

// Run processes a stream on several workers and emits the results in input
// order; a bad input yields an error record in its place.
func ExampleRun() {
	p, err := extract.New(extract.Options{})
	if err != nil {
		panic(err)
	}
	in := strings.NewReader(`{"id":"a","date":"2025-05-05","text":"Putin traf am Montag Trump in Riad."}
{"id":"b","text":
{"id":"c","text":"Die Regierung in Wien tagte."}
`)
	src := func(ctx context.Context, yield func(corpus.Article) bool) error {
		return corpus.Options{}.ReadJSONLines(ctx, in, "in.jsonl", yield)
	}
	err = batch.Run(context.Background(), p, batch.Options{Workers: 4}, src, func(r batch.Result) error {
		if r.Err != nil {
			fmt.Println(r.Article.ID, "error:", r.Err.Error.Stage)
			return nil
		}
		fmt.Println(r.Article.ID, "record,", len(r.Line) > 0)
		return nil
	})
	fmt.Println(err)
	// Output:
	// a record, true
	// in.jsonl:2 error: parse
	// c record, true
	// <nil>
}
