# Onward: two commands do everything on a fresh machine.
#   make run    start the whole platform: the web app on http://localhost:8080, the API on :8090,
#               the mails it sends on http://localhost:8025 (a development mail catcher)
#   make test   run every module's tests with -race against real Redis and a real Mongo-wire server
SHELL := /bin/bash
MODULES := $(shell go work edit -json | sed -n 's/.*"DiskPath": "\(.*\)".*/\1/p')
GOVULNCHECK_VERSION := v1.1.4
# MAILPIT_VERSION is the development mail catcher; pkg/mailpit.Version and docker-compose.yml pin the same.
MAILPIT_VERSION := v1.33.1
export GOTOOLCHAIN := local

.PHONY: run mailpit test test-deps lint vulncheck bench build tidy-check generate loadtest

## run: start every service in one process with embedded FerretDB and Redis (or MONGO_URI / REDIS_URL),
#   and Mailpit catching every mail (unless SMTP_URL is set), shown on http://localhost:8025.
run: mailpit
	go build -o bin/onward-local ./deploy/local/cmd/onward-local
	bin/onward-local

## mailpit: install Mailpit into bin/ once per version (go install, outside the workspace). A failure
#   (e.g. offline) does not stop `make run`: the platform then runs without a mail catcher and says so.
mailpit: bin/.mailpit-$(MAILPIT_VERSION)
bin/.mailpit-$(MAILPIT_VERSION):
	@mkdir -p bin
	@echo "installing Mailpit $(MAILPIT_VERSION) into bin/ (once; a few minutes the first time)"
	@GOBIN=$(CURDIR)/bin GOFLAGS=-mod=mod GOWORK=off go install github.com/axllent/mailpit@$(MAILPIT_VERSION) \
		&& rm -f bin/.mailpit-* && touch $@ \
		|| echo "could not install Mailpit: make run goes on without a mail catcher"

## generate: regenerate pkg/api (types and client) from docs/openapi.yaml with oapi-codegen, a tool of pkg/go.mod.
generate:
	cd pkg && go generate ./api

## test: install what the tests need, start a throwaway redis-server unless REDIS_URL is set, test every module.
test: test-deps
	scripts/with-redis.sh scripts/test-modules.sh $(MODULES)

## test-deps: redis-server, chromium and npm from Debian's packages, axe-core (tools/axe, npm ci) and Mailpit (scripts/build-mailpit.sh, into the cache testkit reads), when missing.
test-deps:
	scripts/ensure-test-deps.sh

## lint: gofmt, go vet and govulncheck over every module.
lint: vulncheck
	@unformatted=$$(gofmt -l $(MODULES)); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	@for m in $(MODULES); do (cd $$m && go vet ./...) || exit 1; done

## vulncheck: govulncheck every module (see scripts/vulncheck.sh for machines without the database).
vulncheck:
	GOVULNCHECK_VERSION=$(GOVULNCHECK_VERSION) scripts/vulncheck.sh $(MODULES)

## bench: the benchmarks of every module, matching's and insights' on one core (-cpu 1, i.e.
#   GOMAXPROCS=1, as issues 6 and 15 set their targets) and the whole-platform one (deploy/local: 20,000
#   candidates, a minute of role changes) once; the output goes to bin/bench.txt for benchstat, then
#   the matching and insights targets as a table.
bench: test-deps
	@mkdir -p bin && : > bin/bench.txt
	scripts/with-redis.sh bash -c 'set -o pipefail; for m in $(MODULES); do case $$m in */services/matching|*/services/insights) flags="-count 6 -cpu 1";; \
		*/deploy/local) flags="-count 1 -benchtime 1x"; export STACK_DATA_DIR=$(CURDIR)/bin/stack-bench;; *) flags="-count 6";; esac; \
		(cd $$m && go test -run "^$$" -bench . -benchmem $$flags ./...) | tee -a bin/bench.txt || exit 1; done'
	scripts/bench-table.sh bin/bench.txt

## loadtest: the load test (not in `make test`): a seeded mix through the gateway at stepped rates, then
#   1,000 shortlist reads a second, on the embedded stores and on a real Redis (REDIS_URL, or a throwaway
#   redis-server), the platform run as a child process; tables on the console and in bin/loadtest.txt,
#   figures in bin/loadtest.json. The seeded world stays in bin/loadtest-data. LOADTEST_FLAGS adds flags
#   (e.g. LOADTEST_FLAGS="-rates 250,500 -step 10s"; bin/onward-loadtest -h lists them).
loadtest:
	go build -o bin/onward-local ./deploy/local/cmd/onward-local
	go build -o bin/onward-loadtest ./deploy/local/cmd/onward-loadtest
	scripts/with-redis.sh bin/onward-loadtest $(LOADTEST_FLAGS)

## build: compile every service alone, as its Docker image does (GOWORK=off).
build:
	@for s in web gateway employers candidates matching notifications placements insights; do (cd services/$$s && GOWORK=off go build -o ../../bin/$$s ./cmd/$$s) || exit 1; done
