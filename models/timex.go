package models

import "embed"

// Timex holds the time-expression resources: named sub-patterns with their
// normalisation values (timex/patterns) and the rule files (timex/rules).
//
//go:embed timex
var Timex embed.FS
