#!/usr/bin/env python3
"""Loopback fake of the field-service tools' job APIs, for Ringback's bookings source tests.

Jobber: POST /api/graphql with a `jobs(first:, after:, filter:)` query; answers data.jobs.nodes and
pageInfo { hasNextPage endCursor }, keeping only jobs whose updatedAt is after filter.updatedAt.after.
Housecall Pro: GET /jobs?page=&page_size=&sort_by=updated_at&sort_direction=desc; answers jobs, page,
page_size, total_pages, total_items. Jobs come from FIXTURES/jobber.json and FIXTURES/housecall_pro.json,
read on every request so a test may change them between runs. Every request is logged as one JSON line.
Prints its port, and stops after --max-seconds or when its stdin closes.
"""
import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def record(self, entry):
        with self.server.lock:
            self.server.sequence += 1
            entry["sequence"] = self.server.sequence
            with open(self.server.log, "a") as log:
                log.write(json.dumps(entry) + "\n")

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def jobs(self, system):
        with open(f"{self.server.fixtures}/{system}.json") as file:
            return json.load(file)

    def do_POST(self):
        if urlparse(self.path).path != "/api/graphql":
            return self.answer(404, {"message": "not found"})
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        variables = body.get("variables") or {}
        auth_ok = self.headers.get("Authorization") == "Bearer " + self.server.tokens["jobber"]
        since = ((variables.get("filter") or {}).get("updatedAt") or {}).get("after")
        after = variables.get("after")
        first = int(variables.get("first") or 50)
        entry = {"system": "jobber", "cursor": after, "since": since, "page_size": first, "auth_ok": auth_ok,
                 "has_query": "jobs(" in (body.get("query") or "")}
        if not auth_ok:
            entry["status"] = 401
            self.record(entry)
            return self.answer(401, {"message": "invalid_request"})
        nodes = [job for job in self.jobs("jobber") if since is None or job.get("updatedAt", "") > since]
        start = int(after.split("-")[1]) if after else 0
        page = nodes[start:start + first]
        more = start + first < len(nodes)
        entry["status"] = 200
        self.record(entry)
        self.answer(200, {"data": {"jobs": {"nodes": page, "pageInfo": {
            "hasNextPage": more, "endCursor": f"cursor-{start + first}" if more else None}}}})

    def do_GET(self):
        url = urlparse(self.path)
        if url.path != "/jobs":
            return self.answer(404, {"message": "not found"})
        query = {key: values[0] for key, values in parse_qs(url.query).items()}
        auth_ok = self.headers.get("Authorization") == "Token " + self.server.tokens["housecall_pro"]
        page = int(query.get("page", "1"))
        size = int(query.get("page_size", "10"))
        entry = {"system": "housecall_pro", "page": page, "page_size": size, "auth_ok": auth_ok, "query": query}
        if not auth_ok:
            entry["status"] = 401
            self.record(entry)
            return self.answer(401, {"error": "unauthorized"})
        jobs = sorted(self.jobs("housecall_pro"), key=lambda job: job.get("updated_at", ""), reverse=True)
        total_pages = max(1, (len(jobs) + size - 1) // size)
        entry["status"] = 200
        self.record(entry)
        self.answer(200, {"jobs": jobs[(page - 1) * size: page * size], "page": page, "page_size": size,
                          "total_pages": total_pages, "total_items": len(jobs)})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--tokens", required=True, help="JSON: {jobber: ..., housecall_pro: ...}")
    parser.add_argument("--max-seconds", type=float, default=120)
    arguments = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.fixtures = arguments.fixtures
    server.log = arguments.log
    server.tokens = json.loads(arguments.tokens)
    server.lock = threading.Lock()
    server.sequence = 0
    print(server.server_address[1], flush=True)

    def stop_when_stdin_closes():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    timer = threading.Timer(arguments.max_seconds, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever(poll_interval=0.1)


if __name__ == "__main__":
    main()
