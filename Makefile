# tailor: run `make` for the list of targets.
GO      ?= go
BIN     := bin/tailor
SAMPLE  := testdata/samples/strong-dl.pdf
# FUZZTIME, when set (e.g. 10m or 50000x), is the budget of every fuzz target.
# Unset, each target gets an execution count worth about 15 s on a 2-core
# machine. Counts, not durations, because Go 1.26's fuzz coordinator can end a
# duration run with a spurious "context deadline exceeded" failure
# (go.dev/issue/75804, fixed in Go 1.27); a count has no deadline to race.
FUZZTIME ?=
fuzzbudget = $(or $(FUZZTIME),$(1))

.DEFAULT_GOAL := help

.PHONY: help
help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

.PHONY: build
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null)

build: ## build bin/tailor
	$(GO) build -ldflags "-X github.com/tailor-cli/tailor/cmd/tailor/internal/cli.Commit=$(COMMIT)" -o $(BIN) ./cmd/tailor

.PHONY: demo
demo: build ## check the bundled sample resume against the built-in deep learning engineer profile
	@echo "\$$ tailor check $(SAMPLE)"
	@./$(BIN) check $(SAMPLE)

.PHONY: test
test: ## vet, then run every test with the race detector (changes nothing in the tree)
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

.PHONY: fuzz
fuzz: ## run each fuzz target briefly (as CI does); longer: make fuzz FUZZTIME=10m
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzParsePDF$$' -fuzztime $(call fuzzbudget,100000x) -fuzzminimizetime 5s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzDecryptAES256$$' -fuzztime $(call fuzzbudget,5000x) -fuzzminimizetime 5s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzParseToUnicode$$' -fuzztime $(call fuzzbudget,50000x) -fuzzminimizetime 5s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzContentStream$$' -fuzztime $(call fuzzbudget,100000x) -fuzzminimizetime 5s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzReadText$$' -fuzztime $(call fuzzbudget,50000x) -fuzzminimizetime 5s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzReadHTML$$' -fuzztime $(call fuzzbudget,30000x) -fuzzminimizetime 5s
	$(GO) test ./extract -run '^$$' -fuzz '^FuzzParseDOCX$$' -fuzztime $(call fuzzbudget,6000x) -fuzzminimizetime 5s
	$(GO) test ./match/taxonomy -run '^$$' -fuzz '^FuzzLoadTaxonomy$$' -fuzztime $(call fuzzbudget,120000x) -fuzzminimizetime 5s
	$(GO) test ./match/text -run '^$$' -fuzz '^FuzzLex$$' -fuzztime $(call fuzzbudget,50000x) -fuzzminimizetime 5s
	$(GO) test ./report -run '^$$' -fuzz '^FuzzIndentJSON$$' -fuzztime $(call fuzzbudget,50000x) -fuzzminimizetime 5s
	$(GO) test ./match -run '^$$' -fuzz '^FuzzCompare$$' -fuzztime $(call fuzzbudget,10000x) -fuzzminimizetime 5s

WEB := dist/web

.PHONY: web
web: ## build dist/web: the web page (index.html, its worker, tailor.wasm, Go's wasm_exec.js) and tailor.html, the same page in one file
	@mkdir -p $(WEB)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -o $(WEB)/tailor.wasm.tmp ./cmd/tailor-web && mv $(WEB)/tailor.wasm.tmp $(WEB)/tailor.wasm
	$(GO) run ./cmd/tailor-web/internal/bundle -out $(WEB) -wasm-exec "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js"

GORELEASER := github.com/goreleaser/goreleaser/v2@v2.15.1
RELEASE_FLAGS := -trimpath -ldflags "-s -w"

.PHONY: release-check
release-check: ## check .goreleaser.yaml (goreleaser check) and cross-build tailor for Windows and macOS as the release and the Dockerfile build it
	$(GO) run $(GORELEASER) check
	@for os in windows darwin linux; do for arch in amd64 arm64; do \
		echo "CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch"' go build $(RELEASE_FLAGS) ./cmd/tailor'; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build $(RELEASE_FLAGS) -o /dev/null ./cmd/tailor || exit 1; \
	done; done

AXE_VERSION := 4.10.3
AXE := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/tailor/axe.min.js

.PHONY: axe
axe: ## fetch axe-core $(AXE_VERSION) from the npm registry for the web page's accessibility test (needs npm)
	@mkdir -p $(dir $(AXE))
	@test -s $(AXE) || { tmp=$$(mktemp -d) && (cd $$tmp && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null && tar -xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js) && mv $$tmp/package/axe.min.js $(AXE) && rm -rf $$tmp; }
	@echo "axe-core $(AXE_VERSION): $(AXE)"

.PHONY: bench
bench: ## run the benchmarks (extraction, tokenizing, a whole check)
	$(GO) test -run '^$$' -bench . -benchmem ./...

.PHONY: bench-vs-pdftotext
LONG := /tmp/tailor-40-pages.pdf

bench-vs-pdftotext: build ## time a whole `tailor check` against poppler's pdftotext on the 2-page sample and a 40-page resume (needs hyperfine, poppler-utils and qpdf)
	@qpdf --empty --pages $(foreach i,1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20,$(SAMPLE)) -- $(LONG)
	hyperfine --warmup 3 -N 'pdftotext $(SAMPLE) /dev/null' './$(BIN) check $(SAMPLE) --format json' \
		'pdftotext $(LONG) /dev/null' './$(BIN) check $(LONG) --format json'
	@rm -f $(LONG)

PILE ?= /tmp/tailor-pile
PILE_SIZE ?= 1000

.PHONY: bench-screen
bench-screen: build ## screen PILE_SIZE copies of the samples and corpus resumes; compare with a pdftotext loop; show peak RSS
	@rm -rf $(PILE) && mkdir -p $(PILE)
	@i=0; while [ $$i -lt $(PILE_SIZE) ]; do for f in testdata/samples/*.pdf $$(ls ../shared/corpus/resumes/*.pdf 2>/dev/null); do \
		[ $$i -ge $(PILE_SIZE) ] && break; cp "$$f" $(PILE)/r$$i.pdf; i=$$((i+1)); done; done
	@echo "tailor screen on $(PILE_SIZE) files:"
	@/usr/bin/time -f "  %e s wall, %M KB peak RSS" ./$(BIN) screen --job testdata/jobs/cv-engineer.md --format csv --out /dev/null $(PILE)
	@echo "pdftotext on the same files, one process each:"
	@/usr/bin/time -f "  %e s wall" sh -c 'for f in $(PILE)/*.pdf; do pdftotext "$$f" /dev/null; done'
	@rm -rf $(PILE)

.PHONY: corpus
corpus: ## read every corpus resume (../shared/corpus) and compare its words with pdftotext: recall, glued words
	@$(GO) test ./extract -run '^TestCorpus_Fidelity$$' -count=1 -v | sed -n '/file  /,/^--- /p'

.PHONY: bench-corpus
bench-corpus: build ## extraction per page on the corpus resumes, beside pdftotext on the same files (both one process per file)
	$(GO) test ./extract -run '^$$' -bench '^BenchmarkExtractCorpus$$' -benchtime 5x
	@echo "tailor extract, one process per file:"
	@/usr/bin/time -f "  %e s" sh -c 'for f in ../shared/corpus/resumes/*.pdf; do ./$(BIN) extract "$$f" >/dev/null; done'
	@echo "pdftotext, one process per file:"
	@/usr/bin/time -f "  %e s" sh -c 'for f in ../shared/corpus/resumes/*.pdf; do pdftotext "$$f" /dev/null; done'

.PHONY: eval
eval: ## measure skill finding on testdata/eval (the tuned set, gated; the held-out and fresh sets): precision, recall, F1, errors
	@$(GO) test ./match -run '^TestEval(HeldOut|Fresh)?$$' -count=1 -v | sed -n '/cases,/,/^--- /p'

.PHONY: eval-jobs
eval-jobs: ## measure how job ads are read on testdata/jobs-eval (recall, precision, required/preferred agreement) and the statuses of title, years and degree on testdata/eval/requirements*.yaml (TAILOR_EVAL_FRESH=1 adds the held-out sets)
	@$(GO) test ./match/job -run '^TestEvalJobs(Fresh)?$$' -count=1 -v | sed -n '/ad  /,/^--- /p'
	@$(GO) test ./match -run '^TestEvalRequirements(Fresh)?$$' -count=1 -v | sed -n '/cases$$/,/^--- /p'

.PHONY: golden
golden: ## regenerate the built-in rules decoded ahead, their worked-out needles, the built-in profiles' analyses, testdata/golden reports and testdata/pdf fixtures after a deliberate change
	$(GO) test ./match/taxonomy -run TestBuiltinRules_Generated -update
	$(GO) test ./match/taxonomy -run TestBuiltinNeedles -update
	$(GO) test ./match/job -run TestProfileSnapshots -update
	$(GO) test ./report -run Golden -update
	$(GO) test ./extract -run TestFixtures -update

.PHONY: fmt
fmt: ## format the code
	gofmt -w $$(git ls-files '*.go')

.PHONY: lint
lint: ## gofmt check, go vet (also of the web page's WebAssembly entry) and staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./cmd/tailor-web ./cmd/tailor-web/engine
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
