// Command gengazetteer rebuilds the generated gazetteer files of
// models/ner/ from the freely licensed lists in ../shared/data. Its output is
// deterministic (sorted, no timestamps), so a rerun on the same input gives
// the same bytes and a diff shows exactly what an input update changed.
//
//	go run ./cmd/gengazetteer [-data ../shared/data] [-out models/ner]
//
// Hand-curated files in models/ner (entities.tsv, demonyms-extra.tsv,
// rules/*) are not touched.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	data := flag.String("data", "../shared/data", "folder with gazetteers/, countries/ and lexicon/")
	out := flag.String("out", "models/ner", "output folder")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

// place is one candidate row of places.tsv; rank orders competing readings
// of the same surface (lower wins).
type place struct {
	surface, canonical, id, kind string
	rank                         int
	pop                          int
}

type lexInfo struct {
	noun   map[string]bool // forms with a SUB reading and no EIG reading (common nouns only)
	lower  map[string]bool // lowercase forms of closed classes and adjectives (der, man, bar)
	verb   map[string]bool // lowercase verb forms (essen)
	closed map[string]bool
	adj    map[string]bool // uninflected adjective forms (allgemein)
	names  map[string]string
}

func run(data, out string) error {
	g := filepath.Join(data, "gazetteers")
	lex, err := readLexicon(filepath.Join(data, "lexicon", "german-pos-dict"))
	if err != nil {
		return err
	}
	places := map[string][]place{}
	add := func(p place) {
		p.surface = strings.TrimSpace(p.surface)
		if !usableName(p.surface) {
			return
		}
		places[p.surface] = append(places[p.surface], p)
	}

	// Countries: CLDR German names are canonical ("Vereinigte Staaten",
	// "Russland"); the other lists add aliases. QIDs come from dr5hn.
	var csc []struct {
		ISO2         string            `json:"iso2"`
		Name         string            `json:"name"`
		Native       string            `json:"native"`
		WikiDataID   string            `json:"wikiDataId"`
		Translations map[string]string `json:"translations"`
	}
	if err := readJSON(filepath.Join(g, "dr5hn-csc", "countries.json"), &csc); err != nil {
		return err
	}
	var cldr struct {
		Main struct {
			De struct {
				LocaleDisplayNames struct {
					Territories map[string]string `json:"territories"`
				} `json:"localeDisplayNames"`
			} `json:"de"`
		} `json:"main"`
	}
	if err := readJSON(filepath.Join(g, "cldr-de", "territories.json"), &cldr); err != nil {
		return err
	}
	terr := cldr.Main.De.LocaleDisplayNames.Territories
	var iso struct {
		Countries map[string]json.RawMessage `json:"countries"`
	}
	if err := readJSON(filepath.Join(data, "countries", "i18n-iso-countries_de.json"), &iso); err != nil {
		return err
	}
	var mled []struct {
		CCA2         string `json:"cca2"`
		Translations map[string]struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"translations"`
	}
	if err := readJSON(filepath.Join(g, "mledoze-countries", "countries.json"), &mled); err != nil {
		return err
	}
	countryQID := map[string]string{}
	countryName := map[string]string{}
	for _, c := range csc {
		countryQID[c.ISO2] = c.WikiDataID
		canon := terr[c.ISO2]
		if canon == "" {
			canon = c.Translations["de"]
		}
		if canon == "" {
			continue
		}
		countryName[c.ISO2] = canon
		for _, s := range []string{canon, c.Translations["de"], terr[c.ISO2+"-alt-short"], terr[c.ISO2+"-alt-variant"]} {
			add(place{surface: s, canonical: canon, id: c.WikiDataID, kind: "country", rank: 0})
		}
	}
	for code, raw := range iso.Countries {
		var names []string
		var one string
		if json.Unmarshal(raw, &one) == nil {
			names = []string{one}
		} else if err := json.Unmarshal(raw, &names); err != nil {
			return fmt.Errorf("i18n-iso-countries %s: %v", code, err)
		}
		canon := countryName[code]
		if canon == "" {
			continue
		}
		for _, s := range names {
			if !strings.Contains(s, ",") {
				add(place{surface: s, canonical: canon, id: countryQID[code], kind: "country", rank: 0})
			}
		}
	}
	for _, c := range mled {
		canon := countryName[c.CCA2]
		if canon == "" {
			continue
		}
		t := c.Translations["deu"]
		add(place{surface: t.Common, canonical: canon, id: countryQID[c.CCA2], kind: "country", rank: 0})
		add(place{surface: t.Official, canonical: canon, id: countryQID[c.CCA2], kind: "country", rank: 0})
	}
	// CLDR regions (numeric M.49 codes): continents and world regions.
	for code, name := range terr {
		if len(code) == 3 && code[0] >= '0' && code[0] <= '9' {
			add(place{surface: name, canonical: name, id: "", kind: "region", rank: 1})
		}
	}

	// First-level subdivisions: native names are the German ones for DE/AT/CH.
	if err := readCSV(filepath.Join(g, "dr5hn-csc", "states.csv"), ',', func(r map[string]string) {
		kind := "state"
		for _, s := range []string{r["native"], r["name"]} {
			add(place{surface: s, canonical: pick(r["native"], r["name"]), id: r["wikiDataId"], kind: kind, rank: 2})
		}
	}); err != nil {
		return err
	}
	// Cities with German exonyms (Wien, Warschau) and population.
	if err := readCSV(filepath.Join(g, "dr5hn-csc", "cities_selected.tsv"), '\t', func(r map[string]string) {
		pop, _ := strconv.Atoi(r["population"])
		rank := 4
		if r["type"] == "capital" {
			rank = 1
		} else if pop >= 100000 {
			rank = 3
		}
		// The German translations of small places are often machine made
		// (Cadro → "Bild", Le Locle → "Das Lokal"): trust them for capitals,
		// big cities, or when they agree with another name.
		de := r["name_de"]
		if !(de == r["native"] || de == r["name_en"] || r["type"] == "capital" || pop >= 200000) {
			de = ""
		}
		canon := pick(de, r["native"], r["name_en"])
		for _, s := range []string{de, r["native"], r["name_en"]} {
			add(place{surface: s, canonical: canon, id: r["wikidata"], kind: "city", rank: rank, pop: pop})
		}
	}); err != nil {
		return err
	}
	// GeoNames German names fill the gap of the dr5hn extract (no German,
	// US, Russian... cities); they carry GeoNames ids, not QIDs.
	if err := readCSV(filepath.Join(g, "geonames-de", "geonames_de_names.tsv"), '\t', func(r map[string]string) {
		switch r["key_type"] {
		case "geonameid":
			add(place{surface: r["name_de"], canonical: r["name_de"], id: "geonames:" + r["key"], kind: "city", rank: 3})
		case "admin1":
			add(place{surface: r["name_de"], canonical: r["name_de"], id: "geonames:" + r["key"], kind: "state", rank: 2})
		}
	}); err != nil {
		return err
	}
	// CLDR exemplar cities of the time zones (Moskau, Kiew, ...).
	var tz map[string]any
	if err := readJSON(filepath.Join(g, "cldr-de", "timeZoneNames.json"), &tz); err != nil {
		return err
	}
	walkExemplar(tz, func(name string) {
		add(place{surface: name, canonical: name, kind: "city", rank: 3})
	})
	// Lexicon place names (Morphy EIG:STD/COU/GEB).
	for lemma, types := range lex.names {
		for _, t := range strings.Split(types, ",") {
			switch t {
			case "STD":
				add(place{surface: lemma, canonical: lemma, kind: "city", rank: 3})
			case "COU":
				add(place{surface: lemma, canonical: lemma, kind: "country", rank: 2})
			case "GEB", "MOU", "WAT", "GEO":
				add(place{surface: lemma, canonical: lemma, kind: "region", rank: 3})
			}
		}
	}

	firstNames := map[string]bool{}
	if err := readCSV(filepath.Join(g, "berlin-vornamen", "vornamen_berlin_2012_2023.tsv"), '\t', func(r map[string]string) {
		if c, _ := strconv.Atoi(r["anzahl_summe"]); c >= 10 {
			firstNames[r["vorname"]] = true
		}
	}); err != nil {
		return err
	}
	for lemma, types := range lex.names {
		if strings.Contains(types, "VOR") {
			firstNames[lemma] = true
		}
	}

	// One row per surface: the best-ranked reading; "amb" marks surfaces that
	// are also common nouns (Essen, Halle), which need context to be places.
	surfaces := make([]string, 0, len(places))
	for s := range places {
		surfaces = append(surfaces, s)
	}
	sort.Strings(surfaces)
	var pb strings.Builder
	pb.WriteString("# places.tsv — generated by `go run ./cmd/gengazetteer`; do not edit (add rows to entities.tsv instead).\n")
	pb.WriteString("# SOURCE: dr5hn/countries-states-cities-database 7fda0afd (ODbL 1.0); mledoze/countries 5e9f3700 (ODbL 1.0); i18n-iso-countries de (MIT); Unicode CLDR 48.2 territories + exemplar cities (Unicode-3.0); GeoNames German names via Debian libgeonames-common 0.3.0 (CC BY 4.0); german-pos-dict EIG place names (Morphy/korrekturen.de/LanguageTool, CC BY-SA 4.0)\n")
	pb.WriteString("# surface\tcanonical\tid\tkind\tflags\n")
	n := 0
	for _, s := range surfaces {
		ps := places[s]
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].rank != ps[j].rank {
				return ps[i].rank < ps[j].rank
			}
			if (ps[i].id != "") != (ps[j].id != "") {
				return ps[i].id != ""
			}
			if ps[i].pop != ps[j].pop {
				return ps[i].pop > ps[j].pop
			}
			return ps[i].id < ps[j].id
		})
		best := ps[0]
		// A QID known for the same canonical name from another list is better
		// than a GeoNames id.
		if !strings.HasPrefix(best.id, "Q") {
			for _, p := range ps[1:] {
				if strings.HasPrefix(p.id, "Q") && p.canonical == best.canonical {
					best.id = p.id
					break
				}
			}
		}
		if lex.lower[strings.ToLower(s)] && !strings.Contains(s, " ") {
			continue // a function word or adjective (Man, Bar, Of) is never worth the risk
		}
		if first, _, ok := strings.Cut(s, " "); ok && articles[strings.ToLower(first)] {
			continue // "Die Insel": a German article never starts a place name in these lists
		}
		if compass[s] {
			continue // im Norden, nach Westen: directions, not the town of Norden
		}
		flags := ""
		big := best.kind == "country" || best.rank <= 1 || best.pop >= 100000
		if (lex.noun[s] || lex.verb[strings.ToLower(s)]) && best.kind != "country" {
			if !big && best.rank > 3 {
				continue // Jahr, Studenten: a small place is not worth the noise
			}
			flags = "amb"
		}
		if firstNames[s] && !big {
			continue // Thomas, Michael: small places named like people
		}
		fmt.Fprintf(&pb, "%s\t%s\t%s\t%s\t%s\n", s, best.canonical, best.id, best.kind, flags)
		n++
	}
	if err := os.WriteFile(filepath.Join(out, "places.tsv"), []byte(pb.String()), 0o644); err != nil {
		return err
	}

	// Nationality adjectives → country.
	var nat struct {
		Nationalities map[string]string `json:"nationalities"`
	}
	if err := readJSON(filepath.Join(g, "i18n-nationality", "de.json"), &nat); err != nil {
		return err
	}
	var db strings.Builder
	db.WriteString("# demonyms.tsv — generated by `go run ./cmd/gengazetteer`; do not edit (add rows to demonyms-extra.tsv instead).\n")
	db.WriteString("# SOURCE: i18n-nationality 1.4.0 langs/de.json (MIT); countries from CLDR 48.2 (Unicode-3.0) with QIDs from dr5hn 7fda0afd (ODbL 1.0)\n")
	db.WriteString("# adjective stem (lowercase, uninflected)\tcountry\tqid\n")
	codes := make([]string, 0, len(nat.Nationalities))
	for c := range nat.Nationalities {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		a := strings.ToLower(nat.Nationalities[c])
		if !strings.HasSuffix(a, "sch") || strings.Contains(a, " ") || countryName[c] == "" {
			continue // the list has a few country names in place of adjectives
		}
		fmt.Fprintf(&db, "%s\t%s\t%s\n", a, countryName[c], countryQID[c])
	}
	if err := os.WriteFile(filepath.Join(out, "demonyms.tsv"), []byte(db.String()), 0o644); err != nil {
		return err
	}

	// First names: the Berlin statistics (given at least minCount times) and
	// Morphy's VOR lemmas, minus anything that is also a common noun or a
	// lowercase word (Mai, Rose, Sonne would make every "im Mai" a person).
	const minCount = 10
	first := map[string]string{}
	if err := readCSV(filepath.Join(g, "berlin-vornamen", "vornamen_berlin_2012_2023.tsv"), '\t', func(r map[string]string) {
		if c, _ := strconv.Atoi(r["anzahl_summe"]); c >= minCount {
			first[r["vorname"]] = "berlin"
		}
	}); err != nil {
		return err
	}
	for lemma, types := range lex.names {
		if strings.Contains(types, "VOR") {
			first[strings.TrimRight(lemma, "#*")] = "morphy"
		}
	}
	var fb strings.Builder
	fb.WriteString("# firstnames.txt — generated by `go run ./cmd/gengazetteer`.\n")
	fb.WriteString("# SOURCE: Häufige Vornamen Berlin 2012–2023 (LABO / BerlinOnline Stadtportal GmbH & Co. KG, CC BY 3.0 DE), names given >= 10 times; german-pos-dict EIG:VOR (CC BY-SA 4.0)\n")
	names := make([]string, 0, len(first))
	for s := range first {
		if !usableName(s) || strings.ContainsAny(s, " -") || lex.noun[s] || lex.lower[strings.ToLower(s)] {
			continue
		}
		names = append(names, s)
	}
	sort.Strings(names)
	for _, s := range names {
		fb.WriteString(s + "\n")
	}
	if err := os.WriteFile(filepath.Join(out, "firstnames.txt"), []byte(fb.String()), 0o644); err != nil {
		return err
	}

	// Surnames: Morphy's NAC lemmas.
	var sb strings.Builder
	sb.WriteString("# surnames.txt — generated by `go run ./cmd/gengazetteer`.\n")
	sb.WriteString("# SOURCE: german-pos-dict EIG:NAC lemmas (Morphy / korrekturen.de / LanguageTool, CC BY-SA 4.0)\n")
	var sur []string
	for lemma, types := range lex.names {
		if strings.Contains(types, "NAC") && usableName(lemma) && !lex.lower[strings.ToLower(lemma)] {
			sur = append(sur, lemma)
		}
	}
	sort.Strings(sur)
	for _, s := range sur {
		sb.WriteString(s + "\n")
	}
	if err := os.WriteFile(filepath.Join(out, "surnames.txt"), []byte(sb.String()), 0o644); err != nil {
		return err
	}
	// Closed-class words: a capitalised "Nach" or "Auch" at the start of a
	// sentence is never a name.
	var cb strings.Builder
	cb.WriteString("# function-words.txt — generated by `go run ./cmd/gengazetteer`.\n")
	cb.WriteString("# SOURCE: german-pos-dict lowercase forms of ART PRO PRP KON ADV NEG INJ ZAL ZUS (Morphy / korrekturen.de / LanguageTool, CC BY-SA 4.0)\n")
	var cw []string
	for w := range lex.closed {
		if !strings.ContainsAny(w, " \t") {
			cw = append(cw, w)
		}
	}
	sort.Strings(cw)
	for _, w := range cw {
		cb.WriteString(w + "\n")
	}
	if err := os.WriteFile(filepath.Join(out, "function-words.txt"), []byte(cb.String()), 0o644); err != nil {
		return err
	}
	// Uninflected adjectives: "Allgemein", "Letztlich" opening a sentence
	// are no names either.
	var ab strings.Builder
	ab.WriteString("# adjectives.txt — generated by `go run ./cmd/gengazetteer`.\n")
	ab.WriteString("# SOURCE: german-pos-dict uninflected ADJ forms (Morphy / korrekturen.de / LanguageTool, CC BY-SA 4.0)\n")
	var aw []string
	for w := range lex.adj {
		if !strings.ContainsAny(w, " \t") {
			aw = append(aw, w)
		}
	}
	sort.Strings(aw)
	for _, w := range aw {
		ab.WriteString(w + "\n")
	}
	if err := os.WriteFile(filepath.Join(out, "adjectives.txt"), []byte(ab.String()), 0o644); err != nil {
		return err
	}
	fmt.Printf("gengazetteer: %d places, %d first names, %d surnames -> %s\n", n, len(names), len(sur), out)
	return nil
}

func placeRank(ps []place) int {
	r := 99
	for _, p := range ps {
		if p.rank < r {
			r = p.rank
		}
	}
	return r
}

// usableName keeps surfaces that can be matched as tokens: capitalised,
// at least two letters, no brackets or commas.
func usableName(s string) bool {
	if utf8.RuneCountInString(s) < 2 || strings.ContainsAny(s, "(),/;\"") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func pick(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

func walkExemplar(o any, f func(string)) {
	m, ok := o.(map[string]any)
	if !ok {
		return
	}
	for k, v := range m {
		if s, ok := v.(string); ok && k == "exemplarCity" {
			f(s)
		} else {
			walkExemplar(v, f)
		}
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	return nil
}

func readCSV(path string, sep rune, f func(map[string]string)) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.Comma = sep
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	if sep == '\t' {
		r.LazyQuotes = false
		r.ReuseRecord = false
	}
	var head []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
		if head == nil {
			head = rec
			continue
		}
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		f(m)
	}
}

func readLexicon(dir string) (*lexInfo, error) {
	li := &lexInfo{noun: map[string]bool{}, lower: map[string]bool{}, verb: map[string]bool{}, closed: map[string]bool{}, adj: map[string]bool{}, names: map[string]string{}}
	// A form with a common-noun reading stays a noun unless one of its
	// proper-name readings is a place (München is SUB and EIG:STD; Bild is
	// SUB and EIG but no place).
	eig := map[string]string{} // form → EIG lemma
	if err := readCSV(filepath.Join(dir, "proper-names.tsv"), '\t', func(r map[string]string) {
		li.names[r["#lemma"]] = r["types"]
	}); err != nil {
		return nil, err
	}
	fh, err := os.Open(filepath.Join(dir, "forms.tsv"))
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) < 3 {
			continue
		}
		form, classes := p[0], p[2]
		if strings.Contains(classes, "SUB") {
			li.noun[form] = true
		}
		if strings.Contains(classes, "EIG") {
			eig[form] = p[1]
		}
		if r, _ := utf8.DecodeRuneInString(form); unicode.IsLower(r) {
			for _, c := range strings.Split(classes, ",") {
				switch c {
				case "ART", "PRO", "PRP", "KON", "ADV", "NEG", "INJ", "ZAL", "ZUS":
					li.closed[form] = true
					li.lower[form] = true
				case "VER", "PA1", "PA2", "SUB":
					li.verb[form] = true
				case "ADJ":
					li.lower[form] = true
					if form == p[1] {
						li.adj[form] = true // the uninflected form: allgemein, letztlich
					}
				default:
					li.lower[form] = true
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for f, lemma := range eig {
		for _, t := range strings.Split(li.names[lemma], ",") {
			switch t {
			case "STD", "COU", "GEB", "WAT", "MOU", "GEO":
				delete(li.noun, f)
			}
		}
	}
	return li, nil
}

var articles = map[string]bool{"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true, "ein": true, "eine": true}

var compass = map[string]bool{"Norden": true, "Süden": true, "Osten": true, "Westen": true, "Nord": true, "Süd": true, "Ost": true, "West": true}
