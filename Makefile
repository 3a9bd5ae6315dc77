# Governance Workbench: `make run` and `make test` are the two commands a new machine needs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

# Debian packages for building the app, a real window under Xvfb (and xwininfo to read its title),
# WebDriver, PDF checks and the PostgreSQL server the store's tests run against.
APT_PACKAGES := build-essential pkg-config ca-certificates libwebkit2gtk-4.1-dev webkit2gtk-driver \
	xvfb xauth x11-utils poppler-utils qpdf python3-venv openssl postgresql
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
XVFB := xvfb-run -a -s "-screen 0 1280x1024x24"
APP := target/debug/governance-workbench
# Python validators the tests run: the official ODCS linter, an iCalendar parser, a JSON Schema
# validator, pyHanko for PDF signatures, and compliance-trestle for OSCAL (3.12.4: the last release
# with OSCAL 1.1.3 models; 4.x and 5.x ship 1.2.1).
PYENV := target/pyenv
PY_PACKAGES := datacontract-cli==1.2.8 icalendar==7.3.2 check-jsonschema==0.39.0 pyhanko==0.38.0 pyhanko-cli==0.6.0 \
	compliance-trestle==3.12.4
# Prefixed to a recipe line: a throwaway PostgreSQL server for that line's commands, found through
# GOVERNANCE_TEST_PG. Its folder is in /tmp because, run as root, the server runs as the postgres
# user, who may not be able to enter the folder of the clone. The trap stops it even when the
# tests fail, keeping their exit status; it is set before the start so a half-started server is
# cleaned up too.
with_pg = pgdir=$$(mktemp -u /tmp/governance-pg.XXXXXX); trap 'tests/pg/server stop "$$pgdir"' EXIT; \
	url=$$(tests/pg/server start "$$pgdir"); export GOVERNANCE_TEST_PG=$$url PGPASSWORD=governance-test;

.PHONY: cargo-fuzz fuzz-smoke fuzz run test deps system-deps node-deps py-deps tauri-driver ui build lint unit e2e generate bench clean

run: deps build
	$(APP)

test: deps ui lint unit fuzz-smoke e2e
	@echo "make test: all checks passed"

deps: system-deps node-deps tauri-driver py-deps

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing: $$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@command -v node >/dev/null || { echo "Node.js 20 or newer is needed (node was not found)"; exit 1; }
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || { echo "Node.js 20 or newer is needed, found $$(node --version)"; exit 1; }

node-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json ui/package.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

# The stamp holds the package list, so a changed list installs again into an existing venv.
py-deps:
	@if [ "$$(cat $(PYENV)/.installed 2>/dev/null)" != "$(PY_PACKAGES)" ]; then \
		python3 -m venv $(PYENV) && \
		$(PYENV)/bin/pip install -q --disable-pip-version-check $(PY_PACKAGES) && \
		echo "$(PY_PACKAGES)" > $(PYENV)/.installed; \
	fi

tauri-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'

ui: node-deps
	cd ui && npm run build

build: ui
	cargo build -p governance-workbench -p governance-cli

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

# The store's tests run twice: on SQLite, then (GOVERNANCE_TEST_BACKEND) on the team server.
STORE_TESTS := --test store --test edit --test publish --test review --test bad_input

unit:
	$(with_pg) PATH="$(CURDIR)/$(PYENV)/bin:$$PATH" cargo test --workspace --exclude e2e; \
		GOVERNANCE_TEST_BACKEND=postgres cargo test -p governance-core $(STORE_TESTS)
	cd ui && npm test

# cargo fuzz needs nightly flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
cargo-fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# A short fuzzing run of the JSON import on every test run. It is built without AddressSanitizer:
# the target is safe Rust, and the plain build took 2m12s instead of 4m55s and ran 7,000 inputs a
# second instead of 1,800 (2 cores). `make fuzz` runs ten minutes with the sanitizer.
fuzz-smoke: cargo-fuzz
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none import corpus/import -- -max_total_time=20 -print_final_stats=1 2>&1 | tail -3

fuzz: cargo-fuzz
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run import corpus/import -- -max_total_time=600

# cargo test does not rebuild the app binary the suite drives, so build it first.
e2e: ui
	cargo build -p governance-workbench
	$(with_pg) $(XVFB) cargo test -p e2e -- --test-threads=1
	@echo "screenshots: target/e2e-screenshots/"

# SPEC section 6 figures, each beside its target: store and PDF (release), the PDF against
# headless Chromium, and app start to interactive in a real window under Xvfb.
bench: deps ui
	@command -v chromium >/dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null
	cargo bench -p governance-cli --bench suite
	$(with_pg) cargo bench -p governance-cli --bench team
	cargo bench -p governance-report --bench export
	cargo build --release -p governance-workbench
	E2E_APP=$(CURDIR)/target/release/governance-workbench $(XVFB) cargo run --release -p e2e --bin startup-bench

# Rewrites the generated files (TypeScript bindings, JSON Schema) from the Rust types.
generate:
	UPDATE_GENERATED=1 cargo test -p governance-workbench --test bindings
	UPDATE_GENERATED=1 cargo test -p governance-core --test interchange the_published_json_schema_is_up_to_date

clean:
	cargo clean
	rm -rf ui/dist ui/node_modules
