package ner

import (
	"bufio"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// RuleFile is one models/ner/rules/*.rules file: the vocabulary a pattern
// in the recogniser reads (words, suffixes, ...) and the examples that the
// tests run through the whole recogniser.
type RuleFile struct {
	Name     string              // the rule name entities carry in Rule
	File     string              // file name, for test messages
	Type     string              // entity type the rule produces ("part", "any" for mixed files)
	Lists    map[string][]string // directive → values (words, suffixes, preps, endings, min)
	Positive []Example
	Negative []Example
}

// Example is one line of a rule file: text with [TYPE mention] brackets
// (TYPE may be left out, then the rule's type applies).
type Example struct {
	Line int
	Text string
}

// parseRules reads every *.rules file under dir.
func parseRules(fsys fs.FS, dir string) (map[string]*RuleFile, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.rules"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := map[string]*RuleFile{}
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, err
		}
		rf := &RuleFile{File: path.Base(name), Lists: map[string][]string{}}
		sc := bufio.NewScanner(f)
		ln := 0
		for sc.Scan() {
			ln++
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			switch {
			case strings.HasPrefix(line, "+ "):
				rf.Positive = append(rf.Positive, Example{ln, strings.TrimSpace(line[2:])})
				continue
			case strings.HasPrefix(line, "- "):
				rf.Negative = append(rf.Negative, Example{ln, strings.TrimSpace(line[2:])})
				continue
			}
			key, rest, _ := strings.Cut(line, " ")
			vals := strings.Fields(rest)
			switch key {
			case "rule":
				if len(vals) != 1 {
					f.Close()
					return nil, fmt.Errorf("%s:%d: rule wants one name", name, ln)
				}
				rf.Name = vals[0]
			case "type":
				if len(vals) != 1 {
					f.Close()
					return nil, fmt.Errorf("%s:%d: type wants one value", name, ln)
				}
				rf.Type = vals[0]
			default:
				rf.Lists[key] = append(rf.Lists[key], vals...)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if rf.Name == "" || rf.Type == "" {
			return nil, fmt.Errorf("%s: missing rule or type line", name)
		}
		if out[rf.Name] != nil {
			return nil, fmt.Errorf("%s: rule %q defined twice", name, rf.Name)
		}
		out[rf.Name] = rf
	}
	return out, nil
}

func (rf *RuleFile) list(key string) []string {
	if rf == nil {
		return nil
	}
	return rf.Lists[key]
}

func setOf(words []string, fold bool) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		if fold {
			w = strings.ToLower(w)
		}
		m[w] = true
	}
	return m
}
