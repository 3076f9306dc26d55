package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/ereignis/ereignis/document"
)

// What a folder walk does with each entry:
//
//	*.txt                one article (with NAME.meta as its side file)
//	*.jsonl, *.ndjson    JSON Lines, one article per line
//	*.csv                10kGNAD layout, one article per line
//	*.meta               side file of the .txt next to it (no article of its own)
//	.hidden files/dirs   skipped (editor and VCS droppings such as .git, .DS_Store)
//	anything else        an error article naming the file (stage "read")
//	unreadable entries   an error article naming the file or folder
//	symlinks             followed; a link back into a folder being walked is
//	                     an error article ("symlink loop"), not an endless walk
//
// A path named on the command line is read by its extension, and as a .txt
// article when the extension is none of the above, since the user asked for
// that file. "-" is JSON Lines on stdin.
const (
	extText = ".txt"
	extMeta = ".meta"
)

// Walk reads every path in order and calls yield with one Article per input;
// Seq counts the articles across all paths from 0. Entries of a folder are
// read in name order, so the article order — and with it the output — only
// depends on the inputs. Walk returns early when yield returns false or ctx
// ends (then with ctx.Err()).
func (o Options) Walk(ctx context.Context, paths []string, stdin io.Reader, yield func(Article) bool) error {
	w := walker{o: o, ctx: ctx, yield: yield, stdin: stdin}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if !w.path(p) {
			break
		}
	}
	if w.stopped {
		return ctx.Err()
	}
	return nil
}

// walker carries one Walk's state: the sequence counter and the folders on
// the current path, for symlink loop detection.
type walker struct {
	o       Options
	ctx     context.Context
	yield   func(Article) bool
	seq     int
	stdin   io.Reader
	open    []fileID // folders being walked, outermost first
	stopped bool
}

type fileID struct{ dev, ino uint64 }

func idOf(fi os.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{uint64(st.Dev), uint64(st.Ino)}, true
}

func (w *walker) emit(a Article) bool {
	a.Seq = w.seq
	w.seq++
	if !w.yield(a) {
		w.stopped = true
		return false
	}
	return true
}

func (w *walker) errArticle(id, source, stage string, err error) bool {
	a := Article{ID: id, Source: source}
	a.fail(stage, err)
	return w.emit(a)
}

func (w *walker) path(p string) bool {
	if p == "-" {
		if w.stdin == nil {
			w.stdin = os.Stdin
		}
		return w.stream(w.stdin, "-", "-", w.o.ReadJSONLines)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return w.errArticle(filepath.ToSlash(p), p, "read", cleanPathErr(err))
	}
	if fi.IsDir() {
		return w.dir(p, "", fi)
	}
	return w.file(p, filepath.Base(p), fi, true)
}

// dir walks folder p, whose id prefix is rel ("" for a root).
func (w *walker) dir(p, rel string, fi os.FileInfo) bool {
	if id, ok := idOf(fi); ok {
		for _, o := range w.open {
			if o == id {
				return w.errArticle(rel, p, "read", errors.New("symlink loop: this folder is already being walked higher up"))
			}
		}
		w.open = append(w.open, id)
		defer func() { w.open = w.open[:len(w.open)-1] }()
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		id := rel
		if id == "" {
			id = filepath.ToSlash(p)
		}
		// ReadDir may return the entries read before the error; read them
		// all the same, and report the folder as well.
		if !w.errArticle(id, p, "read", fmt.Errorf("cannot list folder: %w", cleanPathErr(err))) {
			return false
		}
	}
	texts := map[string]bool{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), extText) {
			texts[strings.TrimSuffix(e.Name(), extText)] = true
		}
	}
	for _, e := range entries {
		if w.ctx.Err() != nil {
			w.stopped = true
			return false
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(p, name)
		erel := name
		if rel != "" {
			erel = rel + "/" + name
		}
		if strings.HasSuffix(name, extMeta) {
			if !texts[strings.TrimSuffix(name, extMeta)] {
				if !w.errArticle(erel, full, "read", fmt.Errorf("side file without its article %s", strings.TrimSuffix(name, extMeta)+extText)) {
					return false
				}
			}
			continue
		}
		fi, err := os.Stat(full) // follows symlinks
		if err != nil {
			if !w.errArticle(erel, full, "read", cleanPathErr(err)) {
				return false
			}
			continue
		}
		var ok bool
		if fi.IsDir() {
			ok = w.dir(full, erel, fi)
		} else {
			ok = w.file(full, erel, fi, false)
		}
		if !ok {
			return false
		}
	}
	return true
}

// file reads one file: by extension, or as text when named explicitly.
func (w *walker) file(p, rel string, fi os.FileInfo, explicit bool) bool {
	if !fi.Mode().IsRegular() {
		// Never open a FIFO or device: it may block forever or never end.
		return w.errArticle(rel, p, "read", fmt.Errorf("not a regular file (%s)", fi.Mode().Type()))
	}
	ext := strings.ToLower(filepath.Ext(p))
	switch ext {
	case ".jsonl", ".ndjson":
		return w.streamFile(p, rel, w.o.ReadJSONLines)
	case ".csv":
		return w.streamFile(p, rel, w.o.ReadCSV)
	case extText:
	default:
		if !explicit {
			what := "unsupported file type " + ext
			if ext == "" {
				what = "file without extension"
			}
			if kind := sniff(p); kind != "" {
				what += " (" + kind + ")"
			}
			return w.errArticle(rel, p, "read", fmt.Errorf("%s: a folder is read for .txt articles, .jsonl/.ndjson and .csv files", what))
		}
	}
	a := w.o.readTextFile(p, rel, fi)
	if a.Err == nil && ext == extText {
		w.o.applySideFile(&a, strings.TrimSuffix(p, filepath.Ext(p))+extMeta)
	}
	w.o.applyDate(&a)
	return w.emit(a)
}

// readTextFile reads at most MaxSize+1 bytes, so a huge file is refused
// without being loaded.
func (o Options) readTextFile(p, id string, fi os.FileInfo) Article {
	max := o.maxSize()
	if fi.Size() > max {
		a := Article{ID: id, Source: p, Size: fi.Size()}
		a.fail("size", SizeError(fi.Size(), max))
		return a
	}
	f, err := os.Open(p)
	if err != nil {
		a := Article{ID: id, Source: p}
		a.fail("read", cleanPathErr(err))
		return a
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		a := Article{ID: id, Source: p, Size: int64(len(data))}
		a.fail("read", cleanPathErr(err))
		return a
	}
	// parseText checks the size again: the file may have grown since Stat.
	return o.parseText(id, p, data)
}

func (w *walker) streamFile(p, rel string, read func(context.Context, io.Reader, string, func(Article) bool) error) bool {
	f, err := os.Open(p)
	if err != nil {
		return w.errArticle(rel, p, "read", cleanPathErr(err))
	}
	defer f.Close()
	return w.stream(f, p, rel, read)
}

// stream reads a JSON Lines or CSV stream; articles without an id of their
// own get "rel:LINE" (relative to the walked folder) instead of the path.
func (w *walker) stream(r io.Reader, p, rel string, read func(context.Context, io.Reader, string, func(Article) bool) error) bool {
	seen := false
	err := read(w.ctx, r, p, func(a Article) bool {
		seen = true
		if a.ID == a.Source {
			a.ID = rel + strings.TrimPrefix(a.Source, p)
		}
		return w.emit(a)
	})
	if w.stopped {
		return false
	}
	if err != nil {
		if w.ctx.Err() != nil {
			w.stopped = true
			return false
		}
		return w.errArticle(rel, p, "read", fmt.Errorf("reading stopped: %w", cleanPathErr(err)))
	}
	if !seen && p != "-" { // an empty pipe is no input, an empty file is a bad one
		return w.errArticle(rel, p, "decode", fmt.Errorf("%w (no lines)", ErrEmpty))
	}
	return true
}

// sniff says what a file that is not an article looks like, for the message.
func sniff(p string) string {
	f, err := os.Open(p)
	if err != nil {
		return "unreadable: " + cleanPathErr(err).Error()
	}
	defer f.Close()
	buf := make([]byte, 512)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	for _, m := range magics {
		if bytes.HasPrefix(buf, []byte(m.prefix)) {
			return m.name
		}
	}
	if bytes.IndexByte(buf, 0) >= 0 || controlHeavy(buf) {
		return "binary data"
	}
	return ""
}

// applySideFile reads NAME.meta next to NAME.txt: lines "key: value" (or
// "key value"), keys date, title, label, id; '#' starts a comment. Its date
// wins over a date line inside the article (a side file is how one corrects
// a date without touching the article), with a warning when they differ.
func (o Options) applySideFile(a *Article, path string) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		a.Warnings = append(a.Warnings, "side file "+filepath.Base(path)+": "+cleanPathErr(err).Error())
		return
	}
	if len(data) > 64<<10 || !isText(data) {
		a.Warnings = append(a.Warnings, "side file "+filepath.Base(path)+": not a small text file, ignored")
		return
	}
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.ContainsAny(k, " \t") {
			k, v, _ = strings.Cut(line, " ")
		}
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		where := fmt.Sprintf("side file %s:%d", filepath.Base(path), i+1)
		switch k {
		case "date":
			t, p, err := ParseDate(v)
			if err != nil {
				a.Warnings = append(a.Warnings, where+": "+err.Error())
				continue
			}
			d := document.DCT{Time: t, Precision: p, Origin: "sidefile"}
			if a.DCT.Known() && a.DCT.Value() != d.Value() {
				a.Warnings = append(a.Warnings, fmt.Sprintf("%s: date %s replaces the date line %s", where, d.Value(), a.DCT.Value()))
			}
			a.DCT = d
		case "title":
			a.Title = v
		case "label":
			a.Label = v
		case "id":
			a.ID = v
		default:
			a.Warnings = append(a.Warnings, fmt.Sprintf("%s: unknown key %q ignored", where, k))
		}
	}
}

func isText(b []byte) bool {
	return bytes.IndexByte(b, 0) < 0 && !controlHeavy(b)
}

// cleanPathErr keeps the operation and the reason of a *PathError but drops
// the repeated path, since the record's source already names it.
func cleanPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
