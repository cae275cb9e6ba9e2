# The two commands a new machine needs: `make run` and `make test` (JDK 17 and Maven only).
.PHONY: run test build postgres clean bench cluster

MVN ?= mvn -B

# The exec jars are rebuilt only when a main source, resource or pom changed; `package` in the reactor,
# never `install`, so ~/.m2 stays as it is.
VERSION := 0.1.0-SNAPSHOT
JARS := command-side/target/command-side-$(VERSION)-exec.jar query-side/target/query-side-$(VERSION)-exec.jar
SOURCES := pom.xml shared-kernel/pom.xml command-side/pom.xml query-side/pom.xml \
	$(shell find shared-kernel/src/main command-side/src/main query-side/src/main -type f 2>/dev/null)

## Start both applications in the dev profile on an embedded H2 file under ./data (or PostgreSQL
## when DB_URL is set); see README.md for COMMAND_PORT, QUERY_PORT, DB_URL and the rest.
run: $(JARS)
	./scripts/run.sh

## All tests; integration tests run on the real PostgreSQL at 127.0.0.1:5432.
test: postgres
	$(MVN) verify

build: $(JARS)

# One rule for both jars (the reactor builds them together); touched so that a build that changed
# nothing in a jar still counts as newer than the sources.
$(JARS) &: $(SOURCES)
	$(MVN) -q -DskipTests package -pl command-side,query-side -am
	touch $(JARS)

## Make sure PostgreSQL runs (start it, or install it when root on Debian).
postgres:
	./scripts/ensure-postgres.sh

## Load benchmark on PostgreSQL: Gatling + pgbench baseline; writes bench/report/summary.md.
## Standalone (bench/ is not a module of the root reactor), so `make test` never runs it.
bench: postgres
	./scripts/bench.sh

## Failover test: two command and two query JVMs on one PostgreSQL, one of each killed with
## SIGKILL under load (ClusterFailoverIT, also part of `make test`); see docs/cluster.md.
cluster: postgres
	$(MVN) verify -pl query-side -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIT

clean:
	$(MVN) -q clean
	rm -rf data
