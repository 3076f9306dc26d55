package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ereignis/ereignis/document"
)

// SmartDataNewsTypes are the SmartData event types that general news
// extraction shares with ereignis; the traffic types are reported apart.
var SmartDataNewsTypes = []string{"Acquisition", "Merger", "SpinOff", "Insolvency", "Layoffs", "Strike", "OrganizationLeadership", "Disaster", "Accident"}

// SmartDataTrafficTypes are the traffic and rail events of SmartData,
// which ereignis does not extract.
var SmartDataTrafficTypes = []string{"TrafficJam", "Delay", "Obstruction", "CanceledRoute", "CanceledStop", "RailReplacementService"}

// smartDataTimeRole is the SmartData role our time argument fills, for the
// news types whose schema has one.
var smartDataTimeRole = map[string]string{"Strike": "date", "Acquisition": "date", "Disaster": "date", "Accident": "start_date"}

// SmartDataDoc is the part of a SmartData v3 document the scorer needs.
type SmartDataDoc struct {
	ID   string
	Text string
	Date string
	Kind string // NEWS_HTML, TWITTER_JSON, RSS_XML
	Rels []SmartDataRel
}

// SmartDataRel is one relation/event mention with its arguments; spans
// are code point offsets into Text.
type SmartDataRel struct {
	Type string
	Args []SmartDataArg
}

// SmartDataArg is one argument of a relation mention.
type SmartDataArg struct {
	Role       string
	Start, End int
}

type sdRaw struct {
	ID   string `json:"id"`
	Text struct {
		String string `json:"string"`
	} `json:"text"`
	Date *struct {
		String string `json:"string"`
	} `json:"date"`
	DocType *struct {
		T string `json:"de.dfki.lt.tap.docTypes"`
	} `json:"docType"`
	RelationMentions *struct {
		Array []struct {
			Name string `json:"name"`
			Args struct {
				Array []struct {
					Role    string `json:"role"`
					Concept struct {
						Span struct {
							Start int `json:"start"`
							End   int `json:"end"`
						} `json:"span"`
					} `json:"conceptMention"`
				} `json:"array"`
			} `json:"args"`
		} `json:"array"`
	} `json:"relationMentions"`
}

// ReadSmartDataFile reads the SmartData JSON export (JSON objects one after
// another, optionally gzip-compressed).
func ReadSmartDataFile(path string) ([]SmartDataDoc, error) {
	r, err := openData(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	dec := json.NewDecoder(r)
	var out []SmartDataDoc
	for {
		var raw sdRaw
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("%s: document %d: %v", path, len(out)+1, err)
		}
		d := SmartDataDoc{ID: raw.ID, Text: raw.Text.String}
		if raw.Date != nil {
			d.Date = raw.Date.String
		}
		if raw.DocType != nil {
			d.Kind = raw.DocType.T
		}
		if raw.RelationMentions != nil {
			for _, rm := range raw.RelationMentions.Array {
				rel := SmartDataRel{Type: rm.Name}
				for _, a := range rm.Args.Array {
					rel.Args = append(rel.Args, SmartDataArg{Role: a.Role, Start: a.Concept.Span.Start, End: a.Concept.Span.End})
				}
				d.Rels = append(d.Rels, rel)
			}
		}
		out = append(out, d)
	}
	return out, nil
}

type sdArg struct {
	typ, role  string
	start, end int
}

// Events scores the events the pipeline finds against SmartData gold:
// "doc_type" is document-level type detection over the news types (a
// document counts once per type it mentions), "arguments" is argument
// detection (type + role + overlapping span, each gold argument matched
// once), "triggers" is trigger detection (type + overlapping trigger span,
// where the gold names one), then one doc-type line per news type, and
// "traffic_doc_type" for the traffic types ereignis does not model.
func Events(ctx context.Context, p Processor, docs []SmartDataDoc, dataset string) (*Report, error) {
	rep := &Report{Stage: "events", Dataset: dataset}
	news := map[string]bool{}
	for _, t := range SmartDataNewsTypes {
		news[t] = true
	}
	traffic := map[string]bool{}
	for _, t := range SmartDataTrafficTypes {
		traffic[t] = true
	}
	var docType, args, trig, traf Counts
	perType := map[string]*Counts{}
	for _, t := range SmartDataNewsTypes {
		perType[t] = &Counts{}
	}
	for _, gd := range docs {
		d := document.New(gd.ID, gd.ID, gd.Text)
		if t, err := time.Parse(time.RFC3339, gd.Date); err == nil {
			d.DCT = document.DCT{Time: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), Precision: document.PrecisionDay, Origin: "json"}
		}
		if err := p.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %v", gd.ID, err)
		}
		cp := codePoints(d.Text)
		goldT, predT := map[string]bool{}, map[string]bool{}
		var goldA, predA, goldTr, predTr []sdArg
		seen := map[sdArg]bool{}
		for _, r := range gd.Rels {
			goldT[r.Type] = true
			if !news[r.Type] {
				continue
			}
			for _, a := range r.Args {
				x := sdArg{r.Type, a.Role, a.Start, a.End}
				if seen[x] {
					continue
				}
				seen[x] = true
				if a.Role == "trigger" {
					goldTr = append(goldTr, x)
				} else {
					goldA = append(goldA, x)
				}
			}
		}
		for _, e := range d.Events {
			if !news[e.Type] {
				continue
			}
			// a negated, planned, possible or hypothetical event does not say
			// that the document reports one: "ein Stellenabbau ist nicht
			// geplant", "die geplante Übernahme", "könnte fusionieren" ("soll"
			// stays: in news it mostly reports, "X soll Insolvenz angemeldet haben")
			if e.Polarity != "negative" && e.Modality != "planned" && e.Modality != "possible" && e.Modality != "hypothetical" {
				predT[e.Type] = true
			}
			predTr = append(predTr, sdArg{e.Type, "trigger", cp(e.Trigger.Start), cp(e.Trigger.End)})
			for _, a := range e.Arguments {
				role := a.Role
				if role == "time" {
					// SmartData names the time of some types (date, start_date);
					// a DCT fallback has no span of its own in the text
					role = smartDataTimeRole[e.Type]
					if role == "" || a.Ref == "dct" {
						continue
					}
				}
				if a.Span.End <= a.Span.Start {
					continue
				}
				predA = append(predA, sdArg{e.Type, role, cp(a.Span.Start), cp(a.Span.End)})
			}
		}
		for _, t := range SmartDataNewsTypes {
			c := Counts{}
			switch {
			case goldT[t] && predT[t]:
				c.TP = 1
			case predT[t]:
				c.FP = 1
			case goldT[t]:
				c.FN = 1
			}
			docType.Add(c)
			perType[t].Add(c)
		}
		for t := range goldT {
			if traffic[t] {
				traf.FN++
			}
		}
		args.Add(matchArgs(goldA, dedupe(predA)))
		if len(goldTr) > 0 || len(predTr) > 0 {
			// only documents whose gold marks triggers can score them
			trig.Add(matchArgs(goldTr, dedupe(predTr)))
		}
	}
	rep.AddScore("doc_type", docType)
	rep.AddScore("arguments", args)
	rep.AddScore("triggers", trig)
	for _, t := range SmartDataNewsTypes {
		rep.AddScore(t, *perType[t])
	}
	rep.AddScore("traffic_doc_type", traf)
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d documents; doc_type over the %d news types; traffic types (%s) are not modelled and only counted as misses",
		len(docs), len(SmartDataNewsTypes), strings.Join(SmartDataTrafficTypes, ", ")))
	return rep, nil
}

func dedupe(x []sdArg) []sdArg {
	sort.Slice(x, func(i, j int) bool {
		if x[i].typ != x[j].typ {
			return x[i].typ < x[j].typ
		}
		if x[i].role != x[j].role {
			return x[i].role < x[j].role
		}
		if x[i].start != x[j].start {
			return x[i].start < x[j].start
		}
		return x[i].end < x[j].end
	})
	out := x[:0]
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// matchArgs pairs predicted and gold arguments of equal type and role
// whose spans overlap; each is used at most once.
func matchArgs(gold, pred []sdArg) Counts {
	used := make([]bool, len(gold))
	var c Counts
	for _, p := range pred {
		hit := false
		for i, g := range gold {
			if !used[i] && g.typ == p.typ && g.role == p.role && p.start < g.end && g.start < p.end {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			c.TP++
		} else {
			c.FP++
		}
	}
	for _, u := range used {
		if !u {
			c.FN++
		}
	}
	return c
}

// codePoints converts byte offsets of text into code point offsets (the
// SmartData spans count UTF-16 units of Java strings, which equal code
// points for German text).
func codePoints(text string) func(int) int {
	return func(b int) int {
		if b > len(text) {
			b = len(text)
		}
		return utf8.RuneCountInString(text[:b])
	}
}
