# The two commands a new machine needs: `make run` and `make test` (JDK 17 and Maven only).
.PHONY: run test build postgres clean bench cluster

MVN ?= mvn -B

## Start both applications on an embedded H2 file under ./data (or PostgreSQL when DB_URL is set).
run: build
	./scripts/run.sh

## All tests; integration tests run on the real PostgreSQL at 127.0.0.1:5432.
test: postgres
	$(MVN) verify

build:
	$(MVN) -q -DskipTests install

## Make sure PostgreSQL runs (start it, or install it when root on Debian).
postgres:
	./scripts/ensure-postgres.sh

## Load benchmark on PostgreSQL (issue 6): Gatling + pgbench baseline; writes bench/report/summary.md.
## Standalone (bench/ is not a module of the root reactor), so `make test` never runs it.
bench: postgres
	./scripts/bench.sh

## Failover test (issue 6): two command and two query JVMs on one PostgreSQL, one of each killed with
## SIGKILL under load (ClusterFailoverIT, also part of `make test`); see docs/cluster.md.
cluster: postgres
	$(MVN) verify -pl query-side -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIT

clean:
	$(MVN) -q clean
	rm -rf data
