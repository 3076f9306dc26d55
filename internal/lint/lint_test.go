// Package lint holds the repository-wide checks that CI runs as part of
// `go test ./...`, so that the README's one test command covers gofmt and
// go vet too, on a machine that has nothing but Go.
package lint

import (
	"bytes"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	_ "github.com/ereignis/ereignis/internal/golden"
)

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// goFiles lists the module's .go files, skipping nested modules (beam/ has
// its own go.mod and its own CI step) and testdata.
func goFiles(t *testing.T, root string) []string {
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "out") {
				return filepath.SkipDir
			}
			if p != root {
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if strings.HasSuffix(p, ".go") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGofmt(t *testing.T) {
	root := repoRoot(t)
	for _, f := range goFiles(t, root) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, err := format.Source(src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if !bytes.Equal(src, out) {
			rel, _ := filepath.Rel(root, f)
			t.Errorf("%s is not gofmt-formatted (run gofmt -w %s)", rel, rel)
		}
	}
}

func TestGoVet(t *testing.T) {
	if testing.Short() {
		t.Skip("go vet skipped in -short mode")
	}
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goBin); err != nil {
		goBin = "go"
	}
	cmd := exec.Command(goBin, "vet", "./...")
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go vet ./... failed: %v\n%s", err, out)
	}
}

// Every package with tests must import internal/golden, or
// `go test ./... -update` fails there with "flag provided but not defined".
func TestTestPackagesAcceptUpdateFlag(t *testing.T) {
	root := repoRoot(t)
	byDir := map[string][]string{}
	for _, f := range goFiles(t, root) {
		if strings.HasSuffix(f, "_test.go") {
			byDir[filepath.Dir(f)] = append(byDir[filepath.Dir(f)], f)
		}
	}
	for dir, files := range byDir {
		ok := false
		for _, f := range files {
			src, _ := os.ReadFile(f)
			if bytes.Contains(src, []byte(`"github.com/ereignis/ereignis/internal/golden"`)) {
				ok = true
				break
			}
		}
		if !ok {
			rel, _ := filepath.Rel(root, dir)
			t.Errorf("%s: no test file imports internal/golden, so `go test ./... -update` fails there", rel)
		}
	}
}
