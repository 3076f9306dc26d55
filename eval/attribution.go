package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ereignis/ereignis/document"
)

// Processor runs stages over a document (an extract.Pipeline does).
type Processor interface {
	Process(ctx context.Context, d *document.Document) error
}

// SpkAttDoc is one document of GermEval 2023 SpkAtt task 2: sentences of
// tokens and speech annotations whose roles are "sentence:token" indexes.
type SpkAttDoc struct {
	Name      string `json:"DocumentName"`
	Sentences []struct {
		ID     int      `json:"SentenceId"`
		Tokens []string `json:"Tokens"`
	} `json:"Sentences"`
	Annotations []SpkAttAnnotation `json:"Annotations"`
}

// SpkAttAnnotation is one attribution: the roles as token addresses.
type SpkAttAnnotation struct {
	Addr, Cue, Frame, Message, Source []string
	Form, STWR                        string
	IsNested                          bool
}

// ReadSpkAttFile reads the JSON Lines file (optionally gzip-compressed).
func ReadSpkAttFile(path string) ([]SpkAttDoc, error) {
	r, err := openData(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var docs []SpkAttDoc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 16<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d SpkAttDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		docs = append(docs, d)
	}
	return docs, sc.Err()
}

// speechGroup is one attribution in absolute token indexes, sorted.
type speechGroup struct {
	roles map[string][]int // Message, Cue, Source, Frame, Addr
	form  string
}

var spkRoles = []string{"Message", "Addr", "Cue", "Frame", "Source"}

var dateInName = regexp.MustCompile(`\((\d{4}-\d{2}-\d{2})\)\s*$`)

// Attribution scores the statements the pipeline finds against SpkAtt
// task 2 gold the way the shared task does: gold and system messages are
// paired by an optimal assignment over message-token overlap F1, then
// tokens are counted per role inside the pairs (unpaired groups count all
// their tokens as false positives or negatives). Scores: "message",
// "cue", "source", "joint" (message+cue+source tokens) and "joint_full"
// (all five task roles: Frame is derived from our cue and source as the
// tokens between them, Addr is never predicted). Accuracy lines give the
// task's official macro averages over pairs.
//
// The text is rebuilt from the gold tokens (joined by spaces, sentences by
// newlines), run through p, and our byte spans are mapped onto the gold
// tokens they overlap.
func Attribution(ctx context.Context, p Processor, docs []SpkAttDoc, dataset string) (*Report, error) {
	rep := &Report{Stage: "attribution", Dataset: dataset}
	var msg, cue, src, joint, full Counts
	var macro macroAcc
	for _, gd := range docs {
		text, offs := spkText(&gd)
		d := document.New(gd.Name, gd.Name, text)
		if m := dateInName.FindStringSubmatch(gd.Name); m != nil {
			if t, err := time.Parse("2006-01-02", m[1]); err == nil {
				d.DCT = document.DCT{Time: t, Precision: document.PrecisionDay, Origin: "json"}
			}
		}
		if err := p.Process(ctx, d); err != nil {
			return nil, fmt.Errorf("%s: %v", gd.Name, err)
		}
		gold := spkGold(&gd)
		sys := spkSystem(d, offs)
		pairs := assignGroups(sys, gold)
		usedS, usedG := map[int]bool{}, map[int]bool{}
		score := func(s, g *speechGroup) {
			var pairC = map[string]Counts{}
			for _, r := range spkRoles {
				var sv, gv []int
				if s != nil {
					sv = s.roles[r]
				}
				if g != nil {
					gv = g.roles[r]
				}
				pairC[r] = overlapCounts(gv, sv)
			}
			msg.Add(pairC["Message"])
			cue.Add(pairC["Cue"])
			src.Add(pairC["Source"])
			for _, r := range []string{"Message", "Cue", "Source"} {
				joint.Add(pairC[r])
			}
			for _, r := range spkRoles {
				full.Add(pairC[r])
			}
			macro.add(pairC)
		}
		for _, pr := range pairs {
			usedS[pr[0]], usedG[pr[1]] = true, true
			score(&sys[pr[0]], &gold[pr[1]])
		}
		for i := range sys {
			if !usedS[i] {
				score(&sys[i], nil)
			}
		}
		for i := range gold {
			if !usedG[i] {
				score(nil, &gold[i])
			}
		}
	}
	rep.AddScore("message", msg)
	rep.AddScore("cue", cue)
	rep.AddScore("source", src)
	rep.AddScore("joint", joint)
	rep.AddScore("joint_full", full)
	macro.report(rep)
	rep.Notes = append(rep.Notes, fmt.Sprintf("%d documents; token-overlap scoring as in GermEval 2023 SpkAtt task 2 (micro counts above, the task's macro averages below)", len(docs)))
	return rep, nil
}

// spkText joins the tokens with spaces and the sentences with newlines and
// returns the byte offsets of every token: offs[s][t] = [start, end).
func spkText(gd *SpkAttDoc) (string, [][][2]int) {
	var b strings.Builder
	offs := make([][][2]int, len(gd.Sentences))
	for si, s := range gd.Sentences {
		if si > 0 {
			b.WriteByte('\n')
		}
		offs[si] = make([][2]int, len(s.Tokens))
		for ti, t := range s.Tokens {
			if ti > 0 {
				b.WriteByte(' ')
			}
			st := b.Len()
			b.WriteString(t)
			offs[si][ti] = [2]int{st, b.Len()}
		}
	}
	return b.String(), offs
}

func spkGold(gd *SpkAttDoc) []speechGroup {
	base := make([]int, len(gd.Sentences)+1)
	for i, s := range gd.Sentences {
		base[i+1] = base[i] + len(s.Tokens)
	}
	abs := func(addrs []string) []int {
		var out []int
		for _, a := range addrs {
			s, t, ok := strings.Cut(a, ":")
			if !ok {
				continue
			}
			si, e1 := strconv.Atoi(s)
			ti, e2 := strconv.Atoi(t)
			if e1 != nil || e2 != nil || si < 0 || si >= len(gd.Sentences) {
				continue
			}
			out = append(out, base[si]+ti)
		}
		return uniqSorted(out)
	}
	var out []speechGroup
	for _, a := range gd.Annotations {
		out = append(out, speechGroup{form: a.Form, roles: map[string][]int{
			"Message": abs(a.Message), "Cue": abs(a.Cue), "Source": abs(a.Source), "Frame": abs(a.Frame), "Addr": abs(a.Addr)}})
	}
	return out
}

// spkSystem maps the statements of d onto the gold tokens.
func spkSystem(d *document.Document, offs [][][2]int) []speechGroup {
	type tok struct{ start, end, abs int }
	var toks []tok
	n := 0
	for _, s := range offs {
		for _, o := range s {
			toks = append(toks, tok{o[0], o[1], n})
			n++
		}
	}
	cover := func(sp *document.Span) []int {
		if sp == nil {
			return nil
		}
		i := sort.Search(len(toks), func(i int) bool { return toks[i].end > sp.Start })
		var out []int
		for ; i < len(toks) && toks[i].start < sp.End; i++ {
			out = append(out, toks[i].abs)
		}
		return out
	}
	var out []speechGroup
	for k := range d.Statements {
		s := &d.Statements[k]
		cue, src := cover(s.Cue), cover(s.Source)
		// the message of direct and indirect speech excludes its frame; a
		// reported speech act is the whole sentence, speaker included
		drop := map[int]bool{}
		if s.Kind != "reported" {
			for _, x := range cue {
				drop[x] = true
			}
			for _, x := range src {
				drop[x] = true
			}
		}
		var m []int
		for _, x := range cover(&s.Message) {
			if !drop[x] {
				m = append(m, x)
			}
		}
		// the frame: the tokens from cue to source (or back), which the task
		// annotates as the speech frame outside the message
		var frame []int
		if len(cue) > 0 && len(src) > 0 {
			lo, hi := min(cue[0], src[0]), max(cue[len(cue)-1], src[len(src)-1])
			inMsg := map[int]bool{}
			for _, x := range m {
				inMsg[x] = true
			}
			for x := lo; x <= hi; x++ {
				if !inMsg[x] {
					frame = append(frame, x)
				}
			}
		}
		form := map[string]string{"direct": "Direct", "indirect": "Indirect", "reported": "Reported"}[s.Kind]
		out = append(out, speechGroup{form: form, roles: map[string][]int{"Message": m, "Cue": cue, "Source": src, "Frame": frame}})
	}
	return out
}

func uniqSorted(x []int) []int {
	sort.Ints(x)
	out := x[:0]
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// overlapCounts counts tokens in both (TP), only in sys (FP), only in gold (FN).
func overlapCounts(gold, sys []int) Counts {
	var c Counts
	g, s := 0, 0
	for g < len(gold) && s < len(sys) {
		switch {
		case gold[g] == sys[s]:
			c.TP++
			g++
			s++
		case gold[g] < sys[s]:
			c.FN++
			g++
		default:
			c.FP++
			s++
		}
	}
	c.FN += len(gold) - g
	c.FP += len(sys) - s
	return c
}

// assignGroups pairs system and gold groups by maximum total message
// overlap F1 (with the task's small bonus for an equal form), returning
// [sys, gold] index pairs with a positive score.
func assignGroups(sys, gold []speechGroup) [][2]int {
	if len(sys) == 0 || len(gold) == 0 {
		return nil
	}
	w := make([][]float64, len(sys))
	for i := range sys {
		w[i] = make([]float64, len(gold))
		for j := range gold {
			c := overlapCounts(gold[j].roles["Message"], sys[i].roles["Message"])
			f := c.F1()
			if f > 0 && sys[i].form == gold[j].form {
				f += 0.01
			}
			w[i][j] = f
		}
	}
	var out [][2]int
	for i, j := range maxAssignment(w) {
		if j >= 0 && w[i][j] > 0 {
			out = append(out, [2]int{i, j})
		}
	}
	return out
}

// maxAssignment solves the rectangular assignment problem maximising the
// total weight (Hungarian algorithm, O(n^3)); res[i] is the column of row i
// or -1.
func maxAssignment(w [][]float64) []int {
	rows, cols := len(w), len(w[0])
	n := max(rows, cols)
	// cost matrix for minimisation, padded to n×n
	maxW := 0.0
	for _, r := range w {
		for _, v := range r {
			maxW = max(maxW, v)
		}
	}
	cost := func(i, j int) float64 {
		if i < rows && j < cols {
			return maxW - w[i][j]
		}
		return maxW
	}
	const inf = 1e18
	u := make([]float64, n+1)
	v := make([]float64, n+1)
	p := make([]int, n+1)
	way := make([]int, n+1)
	for i := 1; i <= n; i++ {
		p[0] = i
		j0 := 0
		minv := make([]float64, n+1)
		used := make([]bool, n+1)
		for j := range minv {
			minv[j] = inf
		}
		for {
			used[j0] = true
			i0, delta, j1 := p[j0], inf, 0
			for j := 1; j <= n; j++ {
				if used[j] {
					continue
				}
				cur := cost(i0-1, j-1) - u[i0] - v[j]
				if cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= n; j++ {
				if used[j] {
					u[p[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
			if p[j0] == 0 {
				break
			}
		}
		for {
			j1 := way[j0]
			p[j0] = p[j1]
			j0 = j1
			if j0 == 0 {
				break
			}
		}
	}
	res := make([]int, rows)
	for i := range res {
		res[i] = -1
	}
	for j := 1; j <= n; j++ {
		if p[j] > 0 && p[j]-1 < rows && j-1 < cols {
			res[p[j]-1] = j - 1
		}
	}
	return res
}

// macroAcc averages precision and recall per pair and role, as the task's
// official scorer does (a role with nothing predicted has no precision,
// one with no gold has no recall).
type macroAcc struct {
	p, r map[string][]float64
}

func (m *macroAcc) add(c map[string]Counts) {
	if m.p == nil {
		m.p, m.r = map[string][]float64{}, map[string][]float64{}
	}
	for _, role := range spkRoles {
		x := c[role]
		if x.TP+x.FP > 0 {
			m.p[role] = append(m.p[role], x.Precision())
		}
		if x.TP+x.FN > 0 {
			m.r[role] = append(m.r[role], x.Recall())
		}
	}
}

func (m *macroAcc) report(rep *Report) {
	mean := func(vals map[string][]float64, roles ...string) float64 {
		s, n := 0.0, 0
		for _, r := range roles {
			for _, v := range vals[r] {
				s += v
				n++
			}
		}
		if n == 0 {
			return 0
		}
		return s / float64(n)
	}
	f := func(p, r float64) float64 {
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	mp, mr := mean(m.p, "Message"), mean(m.r, "Message")
	rp, rr := mean(m.p, "Addr", "Cue", "Frame", "Source"), mean(m.r, "Addr", "Cue", "Frame", "Source")
	jp, jr := mean(m.p, spkRoles...), mean(m.r, spkRoles...)
	rep.AddAccuracyValue("official_message_f1", f(mp, mr))
	rep.AddAccuracyValue("official_roles_f1", f(rp, rr))
	rep.AddAccuracyValue("official_joint_f1", f(jp, jr))
}
