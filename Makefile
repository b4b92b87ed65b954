# LocalGlue's two commands: `make run` and `make test`. Both install what is missing first.
# Debian packages come from apt-get (as root; otherwise the exact command is printed), Python
# packages only into the private .venv (scripts/python-env.sh).

APT_PACKAGES := libsqlite3-dev zlib1g-dev libsnappy-dev libzstd-dev liblz4-dev pkg-config python3 python3-venv time
SHELL := /bin/bash
SWIFT ?= swift
LAKE ?= $(CURDIR)/.localglue

.PHONY: all deps python-env build release test test-examples run check-layers check-warnings clean bench-micro bench-sql bench spark-check

all: build

## deps: install the Debian packages the build needs (when root), or print the command.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ]; then \
	        echo "Installing:$$missing"; \
	        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	    else \
	        echo "Missing system packages. Run this, then try again:"; \
	        echo "  sudo apt-get install -y$$missing"; \
	        exit 1; \
	    fi; \
	fi

## python-env: the private Python environment for interop tests and benchmarks.
python-env:
	@scripts/python-env.sh >/dev/null

build: deps
	$(SWIFT) build

## release: the optimized build, with the Swift runtime and Foundation linked statically (a job's
## start-up drops from ~55 to ~40 ms: no dynamic linking of the Swift libraries).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

## check-layers: every import points to a lower layer (scripts/layers.txt).
check-layers:
	@bash scripts/check-layers.sh
	@bash scripts/check-layers-selftest.sh

## test: set-up, the Glue script checker's tests, a warning-free build, the layer check, and the whole test suite.
test: deps python-env check-layers
	$$(scripts/python-env.sh) -m unittest discover -s scripts/tests
	@set -o pipefail; $(SWIFT) build --build-tests 2>&1 | tee .build-test.log | sed -E '/^\[[0-9]+\/[0-9]+\]/d'
	@bash scripts/check-warnings.sh .build-test.log
	LOCALGLUE_PYTHON=$$(scripts/python-env.sh) $(SWIFT) test --skip-build
	@$(MAKE) --no-print-directory test-examples

## test-examples: the example Swift job package (Examples/OrdersJob, its own .build), built and tested.
test-examples:
	@set -o pipefail; $(SWIFT) build --package-path Examples/OrdersJob --build-tests 2>&1 | sed -E '/^\[[0-9]+\/[0-9]+\]/d'
	$(SWIFT) test --package-path Examples/OrdersJob --skip-build

## run: set-up, a release build, and the sample lake's demo.
run: release
	@bash scripts/demo.sh $(CURDIR)/.build/release/localglue "$(LAKE)"

## spark-check: every job of SampleData/, the end-to-end cases that succeed and W1-W5 (20,000 rows)
## run by LocalGlue and, exported with `localglue export --target pyspark`, by Spark in local mode;
## outputs compared value for value (scripts/spark-check.py). Installs PySpark into .venv. Not part
## of `test` (it takes several minutes). ONLY="W2 case:join" limits the jobs; KEEP=DIR keeps the work.
spark-check: release
	@$(MAKE) --no-print-directory deps APT_PACKAGES="openjdk-17-jre-headless"
	@python=$$(scripts/python-env.sh spark); \
	"$$python" scripts/spark-check.py --localglue $(CURDIR)/.build/release/localglue \
	    $(if $(ONLY),--only $(ONLY)) $(if $(KEEP),--keep $(KEEP))

## bench-micro: the kernel micro-benchmarks (nested package Benchmarks/, release build; not part of test).
bench-micro: deps
	$(SWIFT) package --package-path Benchmarks benchmark

## bench-sql: W2-W4 as SparkSQL jobs through `localglue run`, checked against DuckDB, then timed paired with it.
bench-sql: release python-env
	LOCALGLUE_PYTHON=$$(scripts/python-env.sh) bash Benchmarks/scripts/run-sql-workloads.sh $(CURDIR)/.build/release/localglue

## bench: the W1-W5 workloads on LocalGlue, DuckDB and Polars (SPARK=1 adds PySpark), paired runs,
## one table (Benchmarks/workloads/run.py). ROWS="1000000 10000000" RUNS=3; RECORD=1 rewrites
## Benchmarks/RESULTS.md. Generated data stays in Benchmarks/data/ (ignored by git).
ROWS ?= 1000000 10000000
RUNS ?= 3
bench: release
	@python=$$(scripts/python-env.sh $(if $(SPARK),spark)); \
	"$$python" Benchmarks/workloads/run.py --localglue $(CURDIR)/.build/release/localglue \
	    --rows $(ROWS) --runs $(RUNS) $(if $(SPARK),--spark) $(if $(WORKLOADS),--workloads $(WORKLOADS)) \
	    $(if $(RECORD),--record Benchmarks/RESULTS.md)

clean:
	rm -rf .build .build-test.log Examples/OrdersJob/.build
