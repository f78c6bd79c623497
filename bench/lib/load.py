"""Load generators, always on the load core: wrk at saturation, h2load at a fixed rate."""
import os
import re
import shlex
import subprocess
from dataclasses import dataclass

LOAD_CORE = 1


class Commands:
    """The exact commands a scenario ran, for RESULTS.md (repeats of one command shown once)."""

    def __init__(self):
        self.lines = []

    def add(self, argv):
        self.add_line(" ".join(shlex.quote(a) for a in argv))

    def add_line(self, line):
        if line not in self.lines:
            self.lines.append(line)


def host_header(host):
    return [] if host is None else ["-H", "Host: " + host]


def wrk(commands, port, host=None, seconds=8, connections=64, path="/", warm_up=False):
    """Peak requests/s with keep-alive connections; non-2xx answers or socket errors fail the run
    (except in a warm-up, where a cold JVM may time out)."""
    argv = ["taskset", "-c", str(LOAD_CORE), "wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "5s",
            *host_header(host), f"http://127.0.0.1:{port}{path}"]
    commands.add(argv)
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    bad = (int(non2xx.group(1)) if non2xx else 0) + (sum(int(g) for g in errors.groups()) if errors else 0)
    if bad and not warm_up:
        raise RuntimeError(f"wrk saw {bad} failed requests on port {port} ({host}):\n{out}")
    return rps


@dataclass
class FixedRateRun:
    rate: int
    seconds: int
    answered: int  # requests with an HTTP answer, of any status
    error_answers: int  # answered with 4xx or 5xx
    connection_failures: int  # failed on the connection: reset, closed without an answer, timed out
    unanswered: int  # still waiting for an answer when h2load stopped
    latencies_us: list  # of every answered request, sorted
    log: str

    @property
    def failed(self):
        return self.error_answers + self.connection_failures

    @property
    def requests(self):
        return self.answered + self.connection_failures + self.unanswered

    def percentile(self, p):
        if not self.latencies_us:
            return float("nan")
        index = min(len(self.latencies_us) - 1, max(0, round(p / 100 * len(self.latencies_us)) - 1))
        return self.latencies_us[index] / 1000.0  # ms

    def answers(self):
        """(start time in s since epoch, status, latency ms) per answered request, in start order."""
        rows = []
        with open(self.log) as f:
            for line in f:
                start, status, micros = line.split()
                rows.append((int(start) / 1e6, int(status), int(micros) / 1000.0))
        rows.sort()
        return rows


def parse_h2load(out, log, rate, seconds):
    """h2load's summary and per-request log. A request in flight when the duration ends is unanswered, not
    failed: h2load counts those as failed, so failures are taken from the status codes and errors instead."""
    summary = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, "
                        r"(\d+) errored, (\d+) timeout", out)
    codes = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", out)
    if not summary or not codes:
        raise RuntimeError(f"h2load printed no summary:\n{out}")
    total, started, done, succeeded, failed, errored, timeout = (int(g) for g in summary.groups())
    ok2, ok3, bad4, bad5 = (int(g) for g in codes.groups())
    latencies = []
    with open(log) as f:
        for line in f:
            latencies.append(int(line.split()[2]))
    latencies.sort()
    return FixedRateRun(rate=rate, seconds=seconds, answered=len(latencies), error_answers=bad4 + bad5,
                        connection_failures=errored + timeout, unanswered=max(0, started - done),
                        latencies_us=latencies, log=log)


def h2load_argv(log, port, rate, seconds, host, clients, path, warm_up):
    per_client = max(1, round(rate / clients))
    argv = ["taskset", "-c", str(LOAD_CORE), "h2load", "--h1", "-c", str(clients), "--rps", str(per_client),
            "-D", str(seconds)]
    if warm_up:
        argv += ["--warm-up-time", str(warm_up)]
    argv += ["--log-file", log]
    if host is not None:
        argv += ["-H", ":authority: " + host]  # h2load replaces a plain Host header with the URI's authority
    argv.append(f"http://127.0.0.1:{port}{path}")
    return argv, per_client * clients


def h2load(commands, tmp, name, port, rate, seconds, host=None, clients=50, path="/", warm_up=2):
    """A fixed request rate over keep-alive HTTP/1.1 connections; latency per request from h2load's log.

    h2load's --rps is per client, so the total rate is split over the clients.
    """
    log = os.path.join(tmp, f"h2load-{name}.log")
    argv, total_rate = h2load_argv(log, port, rate, seconds, host, clients, path, warm_up)
    commands.add([a if a != log else "h2load.log" for a in argv])
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + warm_up + 120).stdout
    return parse_h2load(out, log, total_rate, seconds)


def start_h2load(commands, procs, tmp, name, port, rate, seconds, host=None, clients=20, path="/"):
    """h2load in the background (load during a scenario); finish with finish_h2load."""
    log = os.path.join(tmp, f"h2load-{name}.log")
    argv, total_rate = h2load_argv(log, port, rate, seconds, host, clients, path, 0)
    commands.add([a if a != log else "h2load.log" for a in argv])
    proc = procs.start(name, argv[3:], core=LOAD_CORE)
    proc.h2load_log = log
    proc.rate = total_rate
    proc.seconds = seconds
    return proc


def finish_h2load(procs, proc):
    proc.wait(proc.seconds + 120)
    procs.stop(proc)
    with open(proc.log) as f:
        return parse_h2load(f.read(), proc.h2load_log, proc.rate, proc.seconds)
