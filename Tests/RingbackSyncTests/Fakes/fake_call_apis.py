#!/usr/bin/env python3
"""Loopback fake of the call-log APIs Ringback pulls: Twilio, RingCentral, CallRail, Aircall, OpenPhone
(under /openphone, with its per-call voicemails), and a token-paged API. Serves the records in FIXTURES/<system>.json as each API pages them, checks the
credentials and the since parameter, can fail a page on purpose, logs every request as a JSON line,
and stops itself after --max-requests requests, --max-seconds seconds, or when its stdin closes.

Prints the port it listens on (127.0.0.1 only) as the first line of standard output.
"""
import argparse
import base64
import email.utils
import json
import os
import re
import socket
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit, quote

ROUTES = [
    ("twilio", re.compile(r"^/2010-04-01/Accounts/(?P<account>[^/]+)/Calls\.json$")),
    ("ringcentral", re.compile(r"^/restapi/v1\.0/account/~/extension/~/call-log$")),
    ("callrail", re.compile(r"^/v3/a/(?P<account>[^/]+)/calls\.json$")),
    ("aircall", re.compile(r"^/v1/calls$")),
    ("token", re.compile(r"^/token/v1/calls$")),
    ("openphone", re.compile(r"^/openphone/v1/calls$")),
]
VOICEMAIL_ROUTE = re.compile(r"^/openphone/v1/call-voicemails/(?P<call>[^/]+)$")
SINCE_PARAMETER = {"twilio": "StartTime>", "ringcentral": "dateFrom", "callrail": "start_date", "aircall": "from", "token": "since",
                   "openphone": "createdAfter"}
SIZE_PARAMETER = {"twilio": "PageSize", "ringcentral": "perPage", "callrail": "per_page", "aircall": "per_page", "token": "pageSize",
                  "openphone": "maxResults"}
NEWEST_FIRST = {"twilio", "ringcentral", "callrail"}


def parse_iso(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def record_start(system, record):
    if system == "twilio":
        return email.utils.parsedate_to_datetime(record["start_time"])
    if system == "ringcentral":
        return parse_iso(record["startTime"])
    if system == "callrail":
        return parse_iso(record["start_time"])
    if system == "aircall":
        return datetime.fromtimestamp(record["started_at"], timezone.utc)
    return parse_iso(record["createdAt"])


def parse_since(system, value):
    """The since value as an aware datetime, or None when it is not in the API's format."""
    try:
        if system == "twilio":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                return None
            return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=timezone.utc)
        if system == "aircall":
            return datetime.fromtimestamp(int(value), timezone.utc)
        parsed = parse_iso(value)
        return parsed if parsed.tzinfo else None
    except (ValueError, OverflowError):
        return None


class Faults:
    """--fault SYSTEM:PAGE:KIND[:TIMES] (TIMES 0 = always); KIND is an HTTP status or `drop`."""

    def __init__(self, specs):
        self.lock = threading.Lock()
        self.remaining = {}
        for spec in specs:
            parts = spec.split(":")
            system, page, kind = parts[0], int(parts[1]), parts[2]
            times = int(parts[3]) if len(parts) > 3 else 1
            self.remaining[(system, page)] = [kind, times]

    def take(self, system, page):
        with self.lock:
            entry = self.remaining.get((system, page))
            if not entry:
                return None
            kind, times = entry
            if times == 0:
                return kind
            if times > 0:
                entry[1] -= 1
                if entry[1] == 0:
                    del self.remaining[(system, page)]
                return kind
        return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        server = self.server
        with server.count_lock:
            server.requests += 1
            sequence = server.requests
            over = server.requests > server.max_requests
        if over:
            self.reply(503, {"message": "fake server: request limit reached"})
            threading.Thread(target=server.shutdown, daemon=True).start()
            return
        url = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(url.query, keep_blank_values=True).items()}
        # The order requests arrived in: the log line is written after the reply, when the client may
        # already have sent its next request on another thread.
        entry = {"path": url.path, "query": query, "sequence": sequence}
        voicemail = VOICEMAIL_ROUTE.match(url.path)
        if voicemail:
            entry["system"] = "openphone-voicemail"
            self.serve_voicemail(voicemail.group("call"), entry)
            server.log(entry)
            return
        for system, pattern in ROUTES:
            match = pattern.match(url.path)
            if match:
                entry["system"] = system
                self.serve(system, match, query, entry)
                break
        else:
            entry["status"] = 404
            self.reply(404, {"message": "no such endpoint"})
        server.log(entry)

    def serve(self, system, match, query, entry):
        credentials = self.server.credentials
        entry["auth_ok"] = self.authorised(system, match, credentials)
        if not entry["auth_ok"]:
            entry["status"] = 401
            self.reply(401, {"message": "Authentication Error - invalid credentials"})
            return
        since_text = query.get(SINCE_PARAMETER[system])
        entry["since"] = since_text
        since = parse_since(system, since_text) if since_text is not None else None
        if since is None:
            entry["status"] = 400
            self.reply(400, {"message": f"{SINCE_PARAMETER[system]} missing or not in this API's format"})
            return
        requested = int(query.get(SIZE_PARAMETER[system], "50"))
        entry["page_size"] = requested
        size = max(1, min(requested, self.server.max_page_size))
        page = self.page_index(system, query)
        if page is None:
            entry["status"] = 400
            self.reply(400, {"message": "bad page or page token"})
            return
        entry["page"] = page + 1
        fault = self.server.faults.take(system, page + 1)
        if fault == "drop":
            entry["status"] = "dropped"
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        if fault is not None:
            entry["status"] = int(fault)
            headers = {"Retry-After": "1"} if fault == "429" else {}
            self.reply(int(fault), {"message": "fake failure"}, headers)
            return
        records = self.records(system, since)
        chunk = records[page * size:(page + 1) * size]
        last = (page + 1) * size >= len(records)
        entry["status"] = 200
        entry["records"] = len(chunk)
        self.reply(200, self.envelope(system, match, query, chunk, page, size, len(records), last))

    def serve_voicemail(self, call, entry):
        """GET /v1/call-voicemails/{callId}: the call's voicemail as {"data": …}, or 404 without one.
        A fault on `openphone-voicemail:1` fails the next voicemail request."""
        entry["auth_ok"] = self.headers.get("Authorization", "") == self.server.credentials["openphone_key"]
        if not entry["auth_ok"]:
            entry["status"] = 401
            self.reply(401, {"message": "Unauthorized"})
            return
        fault = self.server.faults.take("openphone-voicemail", 1)
        if fault is not None and fault != "drop":
            entry["status"] = int(fault)
            self.reply(int(fault), {"message": "fake failure"})
            return
        path = os.path.join(self.server.fixtures, "openphone-voicemails.json")
        with open(path, encoding="utf-8") as handle:
            voicemails = json.load(handle)
        if call not in voicemails:
            entry["status"] = 404
            self.reply(404, {"message": "Voicemail not found"})
            return
        entry["status"] = 200
        self.reply(200, {"data": voicemails[call]})

    def authorised(self, system, match, credentials):
        header = self.headers.get("Authorization", "")
        if system == "openphone":
            return header == credentials["openphone_key"]
        if system == "twilio":
            account, token = credentials["twilio_account_sid"], credentials["twilio_auth_token"]
            expected = "Basic " + base64.b64encode(f"{account}:{token}".encode()).decode()
            return header == expected and match.group("account") == account
        if system == "callrail":
            return header == f'Token token="{credentials["callrail_api_key"]}"' and match.group("account") == credentials["callrail_account_id"]
        return header == f"Bearer {credentials[system + '_token']}"

    def page_index(self, system, query):
        if system == "twilio":
            page = int(query.get("Page", "0"))
            if page > 0 and query.get("PageToken") != f"PAfake{page}":
                return None
            return page
        if system in ("token", "openphone"):
            token = query.get("pageToken")
            if token is None:
                return 0
            return int(token[len("next-"):]) if token.startswith("next-") else None
        return int(query.get("page", "1")) - 1

    def records(self, system, since):
        """The fixture's records from `since` on, in the API's order; a record whose start cannot be
        read (a broken record on purpose) is always sent, last."""
        with open(os.path.join(self.server.fixtures, f"{system}.json"), encoding="utf-8") as handle:
            records = json.load(handle)
        dated, broken = [], []
        for record in records:
            try:
                dated.append((record_start(system, record), record))
            except (KeyError, TypeError, ValueError):
                broken.append(record)
        if system == "twilio":
            kept = [(start, r) for start, r in dated if start.date() >= since.date()]
        else:
            kept = [(start, r) for start, r in dated if start >= since]
        kept.sort(key=lambda pair: pair[0], reverse=system in NEWEST_FIRST)
        return [r for _, r in kept] + broken

    def envelope(self, system, match, query, chunk, page, size, total, last):
        base = f"http://{self.headers.get('Host')}"
        since_name = SINCE_PARAMETER[system]
        if system == "twilio":
            account = match.group("account")
            path = f"/2010-04-01/Accounts/{account}/Calls.json"
            first = f"{path}?{urlencode({'PageSize': size, since_name: query[since_name]}, quote_via=quote)}"
            next_uri = None if last else f"{first}&Page={page + 1}&PageToken=PAfake{page + 1}"
            return {"calls": chunk, "page": page, "page_size": size, "first_page_uri": first, "uri": self.path,
                    "next_page_uri": next_uri, "previous_page_uri": None, "start": page * size, "end": page * size + len(chunk) - 1}
        if system == "ringcentral":
            params = {k: v for k, v in query.items() if k != "page"}
            link = lambda p: f"{base}{urlsplit(self.path).path}?{urlencode({**params, 'page': p}, quote_via=quote)}"
            navigation = {"firstPage": {"uri": link(1)}}
            if not last:
                navigation["nextPage"] = {"uri": link(page + 2)}
            return {"uri": link(page + 1), "records": chunk, "navigation": navigation,
                    "paging": {"page": page + 1, "perPage": size, "pageStart": page * size, "pageEnd": page * size + len(chunk) - 1}}
        if system == "callrail":
            pages = max(1, -(-total // size))
            return {"page": page + 1, "per_page": size, "total_pages": pages, "total_records": total, "calls": chunk}
        if system == "aircall":
            params = {k: v for k, v in query.items() if k != "page"}
            next_link = None if last else f"{base}/v1/calls?{urlencode({**params, 'page': page + 2}, quote_via=quote)}"
            return {"calls": chunk, "meta": {"count": len(chunk), "total": total, "current_page": page + 1, "per_page": size,
                                             "next_page_link": next_link, "previous_page_link": None}}
        if system == "openphone":
            return {"data": chunk, "totalItems": total, "nextPageToken": None if last else f"next-{page + 1}"}
        return {"data": chunk, "nextPageToken": None if last else f"next-{page + 1}"}

    def reply(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


class FakeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, arguments):
        super().__init__(("127.0.0.1", 0), Handler)
        self.fixtures = arguments.fixtures
        self.credentials = json.loads(arguments.credentials)
        self.faults = Faults(arguments.fault)
        self.max_requests = arguments.max_requests
        self.max_page_size = arguments.max_page_size
        self.requests = 0
        self.count_lock = threading.Lock()
        self.log_lock = threading.Lock()
        self.log_path = arguments.log

    def log(self, entry):
        with self.log_lock, open(self.log_path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(entry, sort_keys=True) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fixtures", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--credentials", required=True, help="JSON object of the expected credentials")
    parser.add_argument("--fault", action="append", default=[])
    parser.add_argument("--max-page-size", type=int, default=2)
    parser.add_argument("--max-requests", type=int, default=200)
    parser.add_argument("--max-seconds", type=float, default=90)
    arguments = parser.parse_args()

    server = FakeServer(arguments)
    print(server.server_address[1], flush=True)

    def stop_when_stdin_closes():
        sys.stdin.read()
        server.shutdown()

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    timer = threading.Timer(arguments.max_seconds, server.shutdown)
    timer.daemon = True
    timer.start()
    try:
        server.serve_forever(poll_interval=0.1)
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
