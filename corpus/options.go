package corpus

import (
	"fmt"

	"github.com/ereignis/ereignis/document"
)

// DefaultMaxSize is the largest article (file, JSON line or CSV row) read
// when Options.MaxSize is zero. Real news articles are a few KB; 10 MB leaves
// room for long reports while keeping a worker's memory bounded.
const DefaultMaxSize = 10 << 20

// Options say how inputs are read. The zero value is ready to use.
type Options struct {
	// MaxSize bounds one article in bytes; a larger input becomes an error
	// article (stage "size") without being read whole. 0 means DefaultMaxSize.
	MaxSize int64
	// Latin1 decodes input that is not valid UTF-8 as Windows-1252 (a
	// superset of Latin-1) and adds a warning; without it such input is an
	// error article (stage "decode"), because guessing would silently turn a
	// corrupt UTF-8 file into mojibake.
	Latin1 bool
	// Date is the --date flag: it fills the DCT of articles that carry no
	// date of their own, or replaces every article's date when ForceDate is
	// set. The zero DCT means no flag.
	Date      document.DCT
	ForceDate bool
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// applyDate gives the --date flag its say once the article's own date (and
// a side file's) are known.
func (o Options) applyDate(a *Article) {
	if a.Err != nil || !o.Date.Known() {
		return
	}
	if o.ForceDate || !a.DCT.Known() {
		d := o.Date
		d.Origin = "flag"
		a.DCT = d
	}
}

// ParseDateFlag parses a --date value into a DCT with origin "flag".
func ParseDateFlag(s string) (document.DCT, error) {
	t, p, err := ParseDate(s)
	if err != nil {
		return document.DCT{}, err
	}
	return document.DCT{Time: t, Precision: p, Origin: "flag"}, nil
}

// SizeError words the refusal of an input of n bytes over the limit max;
// other runners (the Beam pipeline) use it so their error records read alike.
func SizeError(n, max int64) error {
	return fmt.Errorf("%s is over the size limit of %s (--max-size)", humanBytes(n), humanBytes(max))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
