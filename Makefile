# Shortcuts for the README's commands; CI runs .ci/run (go test ./... and the Beam module).
GO ?= go

.PHONY: run test check fmt vet bench pgo models beam

# Set up (modules are fetched by the go tool) and run the main job on the bundled articles.
run:
	$(GO) run ./cmd/ereignis extract -o out/testdata.jsonl testdata/*.txt

# What CI runs (.ci/run): all tests; internal/lint checks gofmt and go vet.
test:
	$(GO) test ./...

check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

# One-core benchmarks over the 10kGNAD articles (MB/s and MB per CPU-second),
# built with the CLI's profile as go build uses it (go test does not pick up
# a default.pgo on its own).
bench:
	$(GO) test -pgo=$(CURDIR)/cmd/ereignis/default.pgo ./extract ./tokenize ./stem ./lexicon ./ner ./timex ./events -run '^$$' \
	  -bench 'BenchmarkPipeline|BenchmarkTokenizeSplit|BenchmarkStage$$|BenchmarkLemmaStage|BenchmarkTag$$|BenchmarkEventStage' \
	  -benchmem -cpu 1 -benchtime 3x

# Profile-guided optimisation: cmd/ereignis/default.pgo is the CPU profile of
# three -j 1 runs over 10kGNAD, merged (docs/performance.md, Round 5).
pgo:
	mkdir -p out/pgo
	$(GO) build -pgo=off -o out/pgo/ereignis ./cmd/ereignis
	for i in 1 2 3; do out/pgo/ereignis extract -q -j 1 --cpuprofile out/pgo/$$i.pprof \
	  -o out/pgo/10kgnad.jsonl ../shared/data/news-10kgnad/test.csv; done
	$(GO) tool pprof -proto out/pgo/1.pprof out/pgo/2.pprof out/pgo/3.pprof > cmd/ereignis/default.pgo

# Rebuild the embedded resources in models/ from ../shared/data.
models:
	$(GO) generate ./models/...

# The Apache Beam runner (nested module beam/, docs/beam.md): vet and its Prism tests.
beam:
	cd beam && $(GO) vet -mod=mod ./... && $(GO) test -mod=mod ./...
