#!/usr/bin/env python3
"""Cold start of the HTTP API function to its first response (docs/benchmarks.md, API row).

S-API: the sample app's API function's zip (*-api-lambda.zip) with Tributary's API handler
(FunctionUrlHandler: Spring MVC through Spring Cloud Function's serverless web support) serving
GET /items/one.
B1-API: benchmarks/baseline-spring's zip, a plain Spring Cloud Function bean on the function URL
event (APIGatewayV2HTTPEvent) behind FunctionInvoker, doing the same GetItem, no Spring MVC.
Both start in a fresh JVM with Lambda's flags through benchmarks/launcher, read the item from
moto_server (started here on a free port) and must answer 200 with the item. Runs alternate
(S, B1, S, ...) after one unmeasured round. Build first:
  mvn -o -q -DskipTests -Pbenchmarks package -pl sample-app,benchmarks/launcher,benchmarks/baseline-spring -am
Usage: benchmarks/api/api-coldstart.py [RUNS]
"""
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import boto3

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ["-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
         "-XX:MaxRAM=1g", "-XX:MaxHeapSize=870m"]
EVENT = Path(__file__).resolve().parent / "get-items-one.json"


def single(pattern):
    found = sorted(ROOT.glob(pattern))
    if len(found) != 1:
        sys.exit(f"expected one {pattern}, found {found}: build first (see the docstring)")
    return found[0]


def unzip(zip_path, into):
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(into)
    return into


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(variant, endpoint, table):
    classpath = os.pathsep.join([str(variant["dir"]), str(variant["dir"] / "lib") + "/*", str(LAUNCHER)])
    command = ["java", *FLAGS, f"-Dspring.cloud.aws.endpoint={endpoint}", f"-Dtributary.tables.Items.name={table}",
               *variant["properties"], "-cp", classpath, "dev.tributary.benchmarks.launcher.LambdaLauncher",
               "coldstart", variant["handler"], str(EVENT)]
    environment = dict(os.environ, AWS_REGION="us-east-1", AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test",
                       AWS_LAMBDA_FUNCTION_NAME="bench-api", **variant["environment"])
    environment.pop("SPRING_CLOUD_FUNCTION_DEFINITION", None)
    environment.update(variant["environment"])
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment, text=True)
    total, init, invoke, response, output = None, None, None, None, []
    for line in process.stdout:
        output.append(line)
        if line.startswith("@@bench init "):
            init = int(line.split()[2]) / 1e6
        elif line.startswith("@@bench response ") and total is None:
            total = (time.perf_counter() - start) * 1000
            parts = line.split(" ", 4)
            invoke, response = int(parts[3]) / 1e6, parts[4].strip()
    process.wait(timeout=120)
    if total is None or '"statusCode":200' not in response or "first" not in response:
        sys.exit(f"{variant['id']} did not answer 200 with the item:\n" + "".join(output[-40:]))
    return total, init, invoke


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    port = free_port()
    moto = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        endpoint = f"http://127.0.0.1:{port}"
        dynamodb = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                                aws_access_key_id="test", aws_secret_access_key="test")
        for _ in range(100):
            try:
                dynamodb.list_tables()
                break
            except Exception:
                time.sleep(0.1)
        table = "ItemsApiBench"
        dynamodb.create_table(TableName=table, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                              AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                              BillingMode="PAY_PER_REQUEST")
        dynamodb.put_item(TableName=table, Item={"id": {"S": "one"}, "content": {"S": "first"}})
        with tempfile.TemporaryDirectory() as work:
            variants = [
                {"id": "S-API", "dir": unzip(single("sample-app/target/*-api-lambda.zip"), Path(work) / "s"),
                 "handler": "dev.tributary.lambda.web.FunctionUrlHandler::handleRequest", "properties": [],
                 "environment": {"MAIN_CLASS": "dev.tributary.sample.SampleApplication"}},
                {"id": "B1-API", "dir": unzip(single("benchmarks/baseline-spring/target/baseline-spring.zip"), Path(work) / "b1"),
                 "handler": "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
                 "properties": ["-Dbaseline.api=true"],
                 "environment": {"MAIN_CLASS": "dev.tributary.benchmarks.baseline.spring.SpringItemsApplication",
                                 "SPRING_CLOUD_FUNCTION_DEFINITION": "itemsApi"}},
            ]
            for variant in variants:
                run(variant, endpoint, table)
            samples = {variant["id"]: [] for variant in variants}
            for index in range(runs):
                line = f"run {index + 1}/{runs}:"
                for variant in variants:
                    result = run(variant, endpoint, table)
                    samples[variant["id"]].append(result)
                    line += f" {variant['id']} {result[0]:.0f} ms"
                print(line, flush=True)
        print()
        print(f"| API cold start, median of {runs} (ms) | S-API | B1-API |")
        print("| --- | --- | --- |")
        for label, index in (("to first response", 0), ("of which handler construction", 1), ("of which first invoke", 2)):
            values = [statistics.median(sample[index] for sample in samples[key]) for key in ("S-API", "B1-API")]
            print(f"| {label} | {values[0]:,.0f} | {values[1]:,.0f} |")
    finally:
        moto.terminate()
        moto.wait()


LAUNCHER = None
if __name__ == "__main__":
    LAUNCHER = single("benchmarks/launcher/target/tributary-benchmarks-launcher-*.jar")
    main()
