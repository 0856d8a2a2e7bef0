#!/usr/bin/env python3
"""The many-sites server of the aggregation benchmark (scripts/bench/aggregate.sh); standard library only.

    aggregate_server.py ROOT [--port 0] [--latency 0.020] [--port-file FILE] [--no-gzip]

Serves the files under ROOT (the site make_sources.py wrote) on 0.0.0.0, so on every loopback
address 127.0.0.2 ... 127.0.0.251 at once (on Linux all of 127.0.0.0/8 is loopback): the feeds
and pages look like 250 sites. Every file is read into memory at start; each response:
  - waits --latency seconds (20 ms) before answering (asyncio: every connection is served
    concurrently, so 16 requests in flight wait their 20 ms together, not one after another; one
    event loop with a minimal HTTP/1.1 parser costs the server far less CPU per request than a
    thread per connection would, which matters on a 2-core machine shared with the client);
  - carries a strong ETag (a hash of the bytes sent) and a Last-Modified (the file's mtime);
  - is 304 Not Modified when If-None-Match matches (or, without If-None-Match, when
    If-Modified-Since is not older than Last-Modified);
  - is gzip-encoded when the request accepts gzip (as real news sites do; its own ETag,
    Vary: Accept-Encoding), unless --no-gzip;
  - keeps the connection open (HTTP/1.1 keep-alive) unless the client asks to close.
Anything else is 404 (there is no robots.txt). GET /__stats answers, without latency, a JSON
object of counters since the last GET /__stats?reset=1: requests by status, bytes sent,
connections opened, the largest number of requests in progress at once, and distinct hosts.
Writes the port it listens on to --port-file once it accepts connections.
"""

import argparse
import asyncio
import email.utils
import gzip
import hashlib
import json
import os
import socket
import sys
import time

TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8"}


class Site:
    def __init__(self, root, use_gzip):
        self.files = {}  # path -> (type, last-modified text, mtime, identity (etag, body), gzip (etag, body) | None)
        for folder, _, names in os.walk(root):
            for name in names:
                full = os.path.join(folder, name)
                path = "/" + os.path.relpath(full, root).replace(os.sep, "/")
                with open(full, "rb") as f:
                    body = f.read()
                mtime = int(os.stat(full).st_mtime)
                digest = hashlib.sha1(body).hexdigest()[:20]
                packed = None
                if use_gzip:
                    packed = (f'"{digest}-gz"', gzip.compress(body, compresslevel=6, mtime=0))
                ctype = TYPES.get(os.path.splitext(name)[1], "application/octet-stream")
                self.files[path] = (ctype, email.utils.formatdate(mtime, usegmt=True), mtime, (f'"{digest}"', body), packed)
        self.reset()

    def reset(self):  # the event loop is the only thread: no lock needed
        self.stats = {"requests": 0, "by_status": {}, "bytes": 0, "connections": 0, "max_in_flight": 0,
                      "hosts": set(), "started": time.time()}
        self.in_flight = getattr(self, "in_flight", 0)

    def snapshot(self):
        s = dict(self.stats)
        s["hosts"] = len(s["hosts"])
        s["seconds"] = round(time.time() - s.pop("started"), 3)
        return s


def etag_matches(header, etag):
    if header.strip() == "*":
        return True
    for tag in header.split(","):
        tag = tag.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if tag == etag:
            return True
    return False


def accepts_gzip(header):
    for part in header.split(","):
        bits = [b.strip() for b in part.split(";")]
        if bits[0].lower() in ("gzip", "x-gzip", "*"):
            q = next((b[2:] for b in bits[1:] if b.startswith("q=")), "1")
            try:
                return float(q) > 0
            except ValueError:
                return True
    return False


REASONS = {200: "OK", 304: "Not Modified", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}


class Connection:
    """One client connection: HTTP/1.1 requests answered in order, kept open until the client closes."""

    def __init__(self, site, latency, reader, writer):
        self.site, self.latency, self.reader, self.writer = site, latency, reader, writer

    async def serve(self):
        self.site.stats["connections"] += 1
        sock = self.writer.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                try:
                    head = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), timeout=60)
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ConnectionError):
                    return
                keep = await self.answer(head)
                await self.writer.drain()
                if not keep:
                    return
        except ConnectionError:
            return
        finally:
            self.writer.close()

    async def answer(self, head):
        lines = head.decode("latin-1").split("\r\n")
        try:
            method, target, version = lines[0].split(" ")
        except ValueError:
            self.send(400, {}, b"bad request\n", False, False)
            return False
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                k, v = line.split(":", 1)
                headers[k.strip().lower()] = v.strip()
        connection = headers.get("connection", "").lower()
        keep = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
        if "content-length" in headers:  # no request bodies expected; skip one if sent
            await self.reader.readexactly(int(headers["content-length"]))
        head_only = method == "HEAD"
        path = target.split("?", 1)[0]
        site = self.site
        if path == "/__stats":
            body = json.dumps(site.snapshot()).encode()
            if "reset=1" in target:
                site.reset()
            self.send(200, {"Content-Type": "application/json"}, body, head_only, keep, count=False)
            return keep
        stats = site.stats
        site.in_flight += 1
        stats["max_in_flight"] = max(stats["max_in_flight"], site.in_flight)
        stats["hosts"].add(headers.get("host", "").rsplit(":", 1)[0])
        try:
            await asyncio.sleep(self.latency)
        finally:
            site.in_flight -= 1
        if method not in ("GET", "HEAD"):
            self.send(405, {"Allow": "GET, HEAD"}, b"", head_only, keep)
            return keep
        entry = site.files.get(path)
        if entry is None:
            self.send(404, {"Content-Type": "text/plain"}, b"not found\n", head_only, keep)
            return keep
        ctype, last_modified, mtime, identity, packed = entry
        encoded = packed is not None and accepts_gzip(headers.get("accept-encoding", ""))
        etag, body = packed if encoded else identity
        out = {"ETag": etag, "Last-Modified": last_modified, "Cache-Control": "no-cache"}
        if packed is not None:
            out["Vary"] = "Accept-Encoding"
        inm, ims = headers.get("if-none-match"), headers.get("if-modified-since")
        if inm is not None:
            not_modified = etag_matches(inm, etag)
        elif ims is not None:
            try:
                not_modified = email.utils.parsedate_to_datetime(ims).timestamp() >= mtime
            except (TypeError, ValueError):
                not_modified = False
        else:
            not_modified = False
        if not_modified:
            self.send(304, out, b"", True, keep)
            return keep
        out["Content-Type"] = ctype
        if encoded:
            out["Content-Encoding"] = "gzip"
        self.send(200, out, body, head_only, keep)
        return keep

    def send(self, status, headers, body, head_only, keep, count=True):
        lines = [f"HTTP/1.1 {status} {REASONS.get(status, '')}", f"Date: {email.utils.formatdate(usegmt=True)}",
                 "Server: bench-news/1.0"]
        lines += [f"{k}: {v}" for k, v in headers.items()]
        if status != 304:
            lines.append(f"Content-Length: {len(body)}")
        if not keep:
            lines.append("Connection: close")
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if not head_only and status != 304:
            data += body
        self.writer.write(data)  # one write: headers and body together
        if count:
            stats = self.site.stats
            stats["requests"] += 1
            stats["by_status"][str(status)] = stats["by_status"].get(str(status), 0) + 1
            stats["bytes"] += len(data)


async def serve(a):
    site = Site(a.root, not a.no_gzip)
    server = await asyncio.start_server(
        lambda r, w: Connection(site, a.latency, r, w).serve(), a.host, a.port, backlog=1024, reuse_address=True)
    port = server.sockets[0].getsockname()[1]
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write(f"{port}\n")
        os.replace(a.port_file + ".tmp", a.port_file)
    print(f"serving {len(site.files)} files from {a.root} on {a.host}:{port}, {a.latency * 1000:g} ms latency,"
          f" gzip {'off' if a.no_gzip else 'on'}", file=sys.stderr, flush=True)
    async with server:
        await server.serve_forever()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root")
    ap.add_argument("--host", default="0.0.0.0")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--latency", type=float, default=0.020)
    ap.add_argument("--port-file")
    ap.add_argument("--no-gzip", action="store_true")
    a = ap.parse_args()
    try:
        asyncio.run(serve(a))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
