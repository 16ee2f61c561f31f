#!/usr/bin/env bash
# The refresh where users outgrow one machine (issue 14), proven on this one: a Spark standalone cluster (a
# Master and two Workers from the Spark jars, executors in their own JVMs) runs the application jar's refresh
# through spark-submit, and the lakehouse and inputs on S3 (s3a://, s3proxy on 127.0.0.1) are refreshed, queried,
# read --as-of and maintained; every gold table must equal the local-mode result. This is cluster-tests'
# ScaleOutIT, which a plain 'mvn verify' skips (CI runs this script after it, with two Workers only); the logs and
# wall times are in cluster-tests/target/scale-out/ (summary.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
# -am rebuilds the application jar and the tools from this checkout (their tests are skipped: 'mvn verify' ran
# them); the module's own integration test is switched on by dvcw.scaleOut.skip=false.
mvn -B -Dstyle.color=never -pl cluster-tests -am verify -DskipTests -Ddvcw.scaleOut.skip=false "$@"
cat cluster-tests/target/scale-out/summary.txt
