// Package schema publishes the JSON Schema of ereignis records
// (record.schema.json) and validates output against it.
package schema

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// JSON is the schema document itself.
//
//go:embed record.schema.json
var JSON []byte

var (
	once     sync.Once
	compiled *jsonschema.Schema
	errLoad  error
)

func load() (*jsonschema.Schema, error) {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSON))
		if err != nil {
			errLoad = err
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("record.schema.json", doc); err != nil {
			errLoad = err
			return
		}
		compiled, errLoad = c.Compile("record.schema.json")
	})
	return compiled, errLoad
}

// Validate checks one JSON record (an article record or an error record)
// against the schema.
func Validate(record []byte) error {
	s, err := load()
	if err != nil {
		return fmt.Errorf("schema: %w", err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(record))
	if err != nil {
		return fmt.Errorf("schema: not JSON: %w", err)
	}
	return s.Validate(v)
}

// ValidateValue validates a Go value by its JSON encoding.
func ValidateValue(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return Validate(b)
}
