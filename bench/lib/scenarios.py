"""The scenarios. Each measures one goal of issue 4 in one run, side by side where it compares, and
answers a Scenario with its goals (measured, ratio, pass/miss), a details table and its commands."""
import concurrent.futures
import http.client
import os
import resource
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field

from load import Commands, LOAD_CORE, finish_h2load, h2load, start_h2load, wrk
from panel import forward_document, sign_up
from procs import cpu_seconds, free_port, rss_kib
from servers import haproxy_max_connections, start_targets

WARM_UP_SECONDS = 3
PEAK_SECONDS = 8
PEAK_ROUNDS = 2


@dataclass
class Goal:
    name: str
    target: str
    measured: str
    ratio: str
    passed: object  # True, False, or None when it could not be measured


@dataclass
class Scenario:
    name: str
    title: str
    measures: str
    goals: list = field(default_factory=list)
    details: list = field(default_factory=list)
    commands: list = field(default_factory=list)


def fmt(n):
    return f"{n:,.0f}"


def ms(x):
    return f"{x:.2f} ms" if x < 10 else f"{x:.1f} ms"


def get(port, host, path="/", timeout=5):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read().decode(errors="replace")
    finally:
        connection.close()


def await_routed(port, host, expect, timeout=120, path="/"):
    """Waits until the node answers host on port with a 200 whose body starts with expect."""
    deadline = time.monotonic() + timeout
    last = "nothing yet"
    while time.monotonic() < deadline:
        try:
            status, body = get(port, host, path)
            if status == 200 and body.startswith(expect):
                return
            last = f"{status} {body[:80]!r}"
        except OSError as e:
            last = str(e)
        time.sleep(0.1)
    raise RuntimeError(f"{host}:{port}{path} not routed after {timeout} s; last answer {last}")


def await_healthy(node, lb_id, count, timeout=60):
    deadline = time.monotonic() + timeout
    states = []
    while time.monotonic() < deadline:
        try:
            states = [t["state"] for g in node.targets(lb_id)["targetGroups"] for t in g["targets"]]
            if states.count("HEALTHY") == count:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"targets of {lb_id} not all HEALTHY after {timeout} s: {states}")


# ---------------------------------------------------------------------------------------------------

def peak(run):
    s = Scenario("peak", "Peak requests/s", "wrk at saturation with keep-alive connections and a 3-byte response, "
                 f"{PEAK_ROUNDS} rounds of {PEAK_SECONDS} s per system (each after a {WARM_UP_SECONDS} s warm-up), "
                 "best round counted; the proxy's CPU use during the round shows whether its core was the limit.")
    c = Commands()
    rounds = {label: [] for label, *_ in run.systems()}
    cpu = {label: [] for label, *_ in run.systems()}
    for _ in range(PEAK_ROUNDS):
        for label, port, host, pid in run.systems():
            wrk(c, port, host, seconds=WARM_UP_SECONDS, warm_up=True)
            before, started = cpu_seconds(pid), time.monotonic()
            rounds[label].append(wrk(c, port, host, seconds=PEAK_SECONDS))
            cpu[label].append(100 * (cpu_seconds(pid) - before) / (time.monotonic() - started))
            run.log(f"peak {label}: {fmt(rounds[label][-1])} requests/s")
    best = {label: max(values) for label, values in rounds.items()}
    run.nginx_peak = best["nginx"]
    run.node_peak = best["node"]
    ratio = best["node"] / best["nginx"]
    s.goals.append(Goal("Peak requests/s (keep-alive, small responses)", "node ≥ 0.75 × nginx",
                        f"node {fmt(best['node'])}/s, nginx {fmt(best['nginx'])}/s, HAProxy {fmt(best['haproxy'])}/s",
                        f"{ratio:.2f}", ratio >= 0.75))
    s.details.append("| | " + " | ".join(rounds) + " |")
    s.details.append("|---|" + "---:|" * len(rounds))
    for i in range(PEAK_ROUNDS):
        s.details.append(f"| round {i + 1}, requests/s | " + " | ".join(fmt(v[i]) for v in rounds.values()) + " |")
        s.details.append(f"| round {i + 1}, CPU of the proxy (of one core; direct: the target) | "
                         + " | ".join(f"{v[i]:.0f} %" for v in cpu.values()) + " |")
    s.details.append("| best, requests/s | " + " | ".join(f"**{fmt(v)}**" for v in best.values()) + " |")
    s.details.append("| best ÷ nginx | " + " | ".join(f"{v / best['nginx']:.2f}" for v in best.values()) + " |")
    s.commands = c.lines
    return s


def latency(run):
    c = Commands()
    if run.nginx_peak is None:
        _, port, host, _ = run.system("nginx")
        wrk(c, port, host, seconds=WARM_UP_SECONDS, warm_up=True)
        run.nginx_peak = max(wrk(c, port, host, seconds=PEAK_SECONDS) for _ in range(PEAK_ROUNDS))
    rate = int(run.nginx_peak / 2)
    seconds = 12
    s = Scenario("latency", "Added latency at a fixed rate",
                 f"h2load at a fixed {fmt(rate)} requests/s (half of nginx's peak, "
                 f"{fmt(run.nginx_peak)}/s) over 50 keep-alive connections for {seconds} s after a 2 s warm-up; "
                 "latency of every request from h2load's log. Added latency = the proxy's percentile minus "
                 "direct's. h2load waits for each answer before the next request on a connection, so a proxy "
                 "that cannot keep up shows a lower achieved rate rather than queueing time.")
    results = {}
    for label, port, host, _ in run.systems():
        results[label] = h2load(c, run.tmp, f"latency-{label}", port, rate, seconds, host=host, clients=50)
        run.log(f"latency {label}: p99 {ms(results[label].percentile(99))}")
    direct = results["direct"]
    s.details.append("| | achieved requests/s | failed | p50 | p90 | p99 | p99.9 | max | added p99 |")
    s.details.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, r in results.items():
        added = r.percentile(99) - direct.percentile(99)
        s.details.append(f"| {label} | {fmt(len(r.latencies_us) / r.seconds)} | {r.failed} | {ms(r.percentile(50))} "
                         f"| {ms(r.percentile(90))} | {ms(r.percentile(99))} | {ms(r.percentile(99.9))} "
                         f"| {ms(r.percentile(100))} | {'' if label == 'direct' else ms(added)} |")
    if run.node_peak:
        own = int(run.node_peak / 2)
        _, port, host, _ = run.system("node")
        at_own = h2load(c, run.tmp, "latency-node-own", port, own, seconds, host=host, clients=50)
        _, port, host, _ = run.system("direct")
        direct_own = h2load(c, run.tmp, "latency-direct-own", port, own, seconds, host=host, clients=50)
        s.details.append("")
        s.details.append(f"For comparison, at half of the node's own peak ({fmt(own)}/s): node p50 "
                         f"{ms(at_own.percentile(50))}, p99 {ms(at_own.percentile(99))} ({fmt(len(at_own.latencies_us) / seconds)}/s "
                         f"achieved, {at_own.failed} failed); direct p50 {ms(direct_own.percentile(50))}, p99 "
                         f"{ms(direct_own.percentile(99))}; added p99 "
                         f"{ms(at_own.percentile(99) - direct_own.percentile(99))}.")
    node = results["node"]
    added = node.percentile(99) - direct.percentile(99)
    achieved = len(node.latencies_us) / node.seconds
    kept_up = achieved >= 0.95 * rate and node.failed == 0
    s.goals.append(Goal("Added p99 latency at half of nginx's peak rate", "≤ 1 ms (vs direct)",
                        f"node p99 {ms(node.percentile(99))}, direct {ms(direct.percentile(99))}, nginx "
                        f"{ms(results['nginx'].percentile(99))}, HAProxy {ms(results['haproxy'].percentile(99))}"
                        + ("" if kept_up else f"; node achieved only {fmt(achieved)} of {fmt(rate)}/s"),
                        f"+{ms(added)}", added <= 1.0 and kept_up))
    s.commands = c.lines
    return s


def idle_memory(run):
    wanted = 10_000
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    count = min(wanted, soft - 500)
    s = Scenario("idle-memory", "Memory per idle keep-alive connection",
                 f"{fmt(count)} client connections (a tiny asyncio client, bench/lib/idle_clients.py) each send one "
                 "request, read the answer and stay open and idle; growth of the proxy's resident set size "
                 "(all its processes) from before opening them to 3 s after the last answer, divided by the "
                 "connections.")
    c = Commands()
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "idle_clients.py")
    per_connection = {}
    s.details.append("| | connections | RSS before | RSS after | per connection |")
    s.details.append("|---|---:|---:|---:|---:|")
    for label, port, host, pid in run.systems():
        if label == "direct":
            continue
        time.sleep(2)
        before = rss_kib(pid)
        opening = min(count, haproxy_max_connections() - 50) if label == "haproxy" else count
        argv = ["python3", script, str(port), host or "127.0.0.1", str(opening)]
        client = run.procs.start(f"idle-clients-{label}", argv, core=LOAD_CORE, piped=True)
        c.add(["taskset", "-c", str(LOAD_CORE), "python3", "bench/lib/idle_clients.py"] + argv[2:])
        ready = client.stdout.readline().split()
        if not ready or ready[0] != "READY":
            raise RuntimeError(f"idle clients for {label} did not get ready; see {client.log}")
        opened, failed = int(ready[1]), int(ready[3])
        time.sleep(3)
        after = rss_kib(pid)
        run.procs.stop(client)
        per_connection[label] = (after - before) * 1024 / max(1, opened)
        s.details.append(f"| {label} | {fmt(opened)} (failed {failed}) | {fmt(before / 1024)} MiB "
                         f"| {fmt(after / 1024)} MiB | {per_connection[label] / 1024:.1f} KiB |")
        run.log(f"idle memory {label}: {per_connection[label] / 1024:.1f} KiB per connection ({opened} open)")
    node = per_connection["node"] / 1024
    s.goals.append(Goal("Memory per idle keep-alive client connection", "≤ 8 KB (RSS growth over 10k)",
                        f"node {node:.1f} KiB, nginx {per_connection['nginx'] / 1024:.1f} KiB, "
                        f"HAProxy {per_connection['haproxy'] / 1024:.1f} KiB", f"{node / 8:.2f} × goal",
                        node <= 8 and count >= wanted))
    s.commands = c.lines
    return s


# --- scenarios with their own targets ------------------------------------------------------------

TARGET_ADDRESSES = ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"]


class ScenarioTargets:
    """Four target processes, each on its own loopback address, with health checks on a port of their own."""

    def __init__(self, run, delays):
        self.port, self.health_port = free_port(), free_port()
        self.procs = start_targets(run.procs, TARGET_ADDRESSES, self.port, self.health_port, delays)
        self.run = run

    def addresses(self):
        return [(a, self.port) for a in TARGET_ADDRESSES]

    def health_check(self):
        # the shortest the panel allows: a verdict after two 5 s rounds
        return {"protocol": "HTTP", "path": "/health", "port": self.health_port, "intervalSeconds": 5,
                "timeoutSeconds": 2, "healthyThreshold": 2, "unhealthyThreshold": 2}

    def stop(self):
        for proc in self.procs:
            self.run.procs.stop(proc)


def slow_target(run):
    seconds, rate = 20, 400
    s = Scenario("slow-target", "One of four targets 20 ms slower",
                 "Four target processes (bench/lib/target.py), the fourth answering 20 ms late; the same four in a "
                 "ROUND_ROBIN and a LEAST_RESPONSE_TIME target group (two load balancers on one listener); "
                 f"h2load at {rate} requests/s over 10 connections for {seconds} s each, after a 5 s warm-up. "
                 "(h2load starts its connections together and paces each alike, so n connections send bursts of "
                 "n requests: few connections keep the node's own queueing out of the comparison.)")
    c = Commands()
    targets = ScenarioTargets(run, [0, 0, 0, 20])
    listener = free_port()
    lbs = {}
    try:
        for algorithm in ("ROUND_ROBIN", "LEAST_RESPONSE_TIME"):
            name = "slow-rr" if algorithm == "ROUND_ROBIN" else "slow-lrt"
            lbs[algorithm] = run.tenant.create_load_balancer(name, forward_document(
                listener, targets.addresses(), algorithm, targets.health_check()))
        for algorithm, (lb_id, host) in lbs.items():
            await_routed(listener, host, "ok from")
            await_healthy(run.node, lb_id, 4)
        results = {}
        for algorithm, (lb_id, host) in lbs.items():
            h2load(c, run.tmp, f"slow-warm-{algorithm}", listener, rate, 5, host=host, clients=10, warm_up=0)
            results[algorithm] = h2load(c, run.tmp, f"slow-{algorithm}", listener, rate, seconds, host=host,
                                        clients=10)
            run.log(f"slow target {algorithm}: p99 {ms(results[algorithm].percentile(99))}")
    finally:
        for lb_id, _ in lbs.values():
            run.tenant.delete_load_balancer(lb_id)
        targets.stop()
    s.details.append("| | requests | failed | p50 | p90 | p99 | max | answered in ≥ 20 ms |")
    s.details.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for algorithm, r in results.items():
        slow = sum(1 for us in r.latencies_us if us >= 20_000)
        s.details.append(f"| {algorithm} | {fmt(r.requests)} | {r.failed} | {ms(r.percentile(50))} "
                         f"| {ms(r.percentile(90))} | {ms(r.percentile(99))} | {ms(r.percentile(100))} "
                         f"| {100 * slow / max(1, len(r.latencies_us)):.1f} % |")
    rr, lrt = results["ROUND_ROBIN"].percentile(99), results["LEAST_RESPONSE_TIME"].percentile(99)
    s.goals.append(Goal("One of four targets 20 ms slower", "least-response-time p99 ≤ 0.3 × round-robin p99",
                        f"LEAST_RESPONSE_TIME p99 {ms(lrt)}, ROUND_ROBIN p99 {ms(rr)}", f"{lrt / rr:.2f}",
                        lrt <= 0.3 * rr))
    s.commands = c.lines
    return s


RESILIENCE = {"retries": 2, "connectTimeoutMillis": 250, "responseTimeoutSeconds": 1}


class SynCounter:
    """Counts connection attempts (SYNs) to one address and port with a counting-only iptables rule.

    The rule has no verdict, so it changes nothing; it is removed at the end (and by bench/run's trap).
    """

    def __init__(self, address, port):
        self.spec = ["OUTPUT", "-o", "lo", "-p", "tcp", "-d", address, "--dport", str(port), "--syn",
                     "-m", "comment", "--comment", f"signalbox-bench-{os.getpid()}"]
        subprocess.run(["iptables", "-w", "-I"] + self.spec, check=True, capture_output=True)

    def count(self):
        out = subprocess.run(["iptables", "-w", "-L", "OUTPUT", "-v", "-x", "-n"], check=True, capture_output=True,
                             text=True).stdout
        for line in out.splitlines():
            if f"signalbox-bench-{os.getpid()}" in line:
                return int(line.split()[0])
        return 0

    def remove(self):
        subprocess.run(["iptables", "-w", "-D"] + self.spec, capture_output=True)

    @staticmethod
    def open(address, port):
        try:
            return SynCounter(address, port)
        except (OSError, subprocess.CalledProcessError):
            return None


def queued_to(address, port):
    """Bytes waiting unread on each connection of address:port, by peer: traffic a stopped process got."""
    out = subprocess.run(["ss", "-tnH", "state", "connected", "src", f"{address}:{port}"], capture_output=True,
                         text=True).stdout
    queued = {}
    for line in out.splitlines():
        fields = line.split()
        # with a state filter ss leaves out the State column when it is one state, keeps it otherwise
        if not fields[0].isdigit():
            fields = fields[1:]
        queued[fields[3]] = int(fields[0])
    return queued


def resilience_lb(run, targets, name, listener):
    lb_id, host = run.tenant.create_load_balancer(name, forward_document(
        listener, targets.addresses(), "ROUND_ROBIN", targets.health_check(), RESILIENCE))
    await_routed(listener, host, "ok from")
    await_healthy(run.node, lb_id, 4)
    return lb_id, host


def kill(run):
    seconds, rate, kill_at = 20, 1000, 5
    s = Scenario("kill", "One of four targets killed",
                 f"Four target processes in a round-robin group with retries {RESILIENCE['retries']}, connect timeout "
                 f"{RESILIENCE['connectTimeoutMillis']} ms, response timeout {RESILIENCE['responseTimeoutSeconds']} s "
                 f"and health checks (5 s, on a port of their own); h2load at {rate} requests/s over 20 connections "
                 f"for {seconds} s; `kill -9` of the fourth at {kill_at} s. Connection attempts to the killed target "
                 "are counted by a counting-only iptables rule on its address and port (SYNs), sampled every 100 ms.")
    c = Commands()
    targets = ScenarioTargets(run, [0, 0, 0, 0])
    victim = targets.procs[3]
    listener = free_port()
    lb_id = None
    counter = None
    samples = []
    try:
        lb_id, host = resilience_lb(run, targets, "failover", listener)
        counter = SynCounter.open(victim.address, targets.port)
        background = start_h2load(c, run.procs, run.tmp, "kill-load", listener, rate, seconds, host=host,
                                  clients=20)
        time.sleep(kill_at)
        os.kill(victim.pid, signal.SIGKILL)
        killed_at = time.time()
        c.add_line(f"kill -9 $PID_OF_TARGET_{victim.address}   # {kill_at} s into the load")
        while background.poll() is None:
            if counter:
                samples.append((time.time() - killed_at, counter.count()))
            time.sleep(0.1)
        result = finish_h2load(run.procs, background)
    finally:
        if counter:
            counter.remove()
        if lb_id:
            run.tenant.delete_load_balancer(lb_id)
        targets.stop()
    failed_pct = 100 * result.failed / max(1, result.requests)
    answers = result.answers()
    late = [a for a in answers if a[0] >= killed_at + 1]
    s.details.append(f"- requests {fmt(result.requests)}: failed {result.failed} ({failed_pct:.3f} %: "
                     f"{result.error_answers} answered 4xx/5xx, {result.connection_failures} failed on the connection), "
                     f"{result.unanswered} in flight when the load stopped; p99 {ms(result.percentile(99))}, "
                     f"max {ms(result.percentile(100))}")
    s.details.append(f"- non-2xx answers to requests started: before the kill {sum(1 for a in answers if a[0] < killed_at and a[1] >= 300)}, "
                     f"in its first second {sum(1 for a in answers if killed_at <= a[0] < killed_at + 1 and a[1] >= 300)}, "
                     f"later {sum(1 for a in late if a[1] >= 300)}")
    if samples:
        last_attempt = max((t for (t, n), (_, prev) in zip(samples[1:], samples) if n > prev), default=0.0)
        attempts_after_1s = samples[-1][1] - next((n for t, n in samples if t >= 1.0), samples[-1][1])
        s.details.append(f"- connection attempts to the killed target: {samples[-1][1]} after the kill, "
                         f"{attempts_after_1s} of them later than 1 s; the last at +{last_attempt:.1f} s")
        no_traffic = Goal("One of four targets killed: no traffic to it after 1 s", "last attempt ≤ 1 s after kill",
                          f"last connection attempt +{last_attempt:.1f} s after the kill "
                          f"({attempts_after_1s} attempts after 1 s)", f"{last_attempt:.1f} s", last_attempt <= 1.0)
    else:
        no_traffic = Goal("One of four targets killed: no traffic to it after 1 s", "last attempt ≤ 1 s after kill",
                          "not measured: iptables not usable (run as root)", "–", None)
    s.goals.append(Goal("One of four targets killed (kill -9) under load", "failed requests ≤ 0.01 %",
                        f"{result.failed} of {fmt(result.requests)} failed", f"{failed_pct:.3f} %",
                        failed_pct <= 0.01))
    s.goals.append(no_traffic)
    s.commands = c.lines
    return s


def freeze(run):
    seconds, rate, freeze_at = 20, 1000, 5
    s = Scenario("freeze", "One of four targets frozen",
                 f"As `kill`, but the fourth target is stopped with SIGSTOP at {freeze_at} s: it accepts connections "
                 "(the kernel does) and never answers. Traffic the node still sends it shows as bytes queued unread "
                 "on its connections (`ss`), sampled every 100 ms; ejected = the last time that grew.")
    c = Commands()
    targets = ScenarioTargets(run, [0, 0, 0, 0])
    victim = targets.procs[3]
    listener = free_port()
    lb_id = None
    last_growth = None
    try:
        lb_id, host = resilience_lb(run, targets, "freeze", listener)
        background = start_h2load(c, run.procs, run.tmp, "freeze-load", listener, rate, seconds, host=host,
                                  clients=20)
        time.sleep(freeze_at)
        os.kill(victim.pid, signal.SIGSTOP)
        frozen_at = time.time()
        c.add_line(f"kill -STOP $PID_OF_TARGET_{victim.address}   # {freeze_at} s into the load")
        seen = queued_to(victim.address, targets.port)
        while background.poll() is None:
            now = queued_to(victim.address, targets.port)
            if any(peer not in seen or queued > seen[peer] for peer, queued in now.items()):
                last_growth = time.time() - frozen_at
            for peer, queued in now.items():
                seen[peer] = max(queued, seen.get(peer, 0))
            time.sleep(0.1)
        result = finish_h2load(run.procs, background)
        ended_at = time.time()
    finally:
        if lb_id:
            run.tenant.delete_load_balancer(lb_id)
        targets.stop()
    failed_pct = 100 * result.failed / max(1, result.requests)
    answers = result.answers()
    slow_after = sum(1 for a in answers if a[0] >= frozen_at + 2 and a[2] >= 900)
    # a client waiting on the frozen target sends nothing more, so a node that never gives up on it
    # starves the load instead of ejecting it: ejection counts only while the requests keep flowing
    flowing_seconds = max(1.0, min(ended_at, frozen_at + seconds - freeze_at) - (frozen_at + 2))
    answered_after = sum(1 for a in answers if a[0] >= frozen_at + 2)
    flow = answered_after / flowing_seconds / rate
    s.details.append(f"- requests {fmt(result.requests)}: failed {result.failed} ({failed_pct:.3f} %), "
                     f"{result.unanswered} in flight (unanswered) when the load stopped; p99 "
                     f"{ms(result.percentile(99))}, max {ms(result.percentile(100))}")
    s.details.append(f"- from 2 s after the freeze on, {100 * flow:.0f} % of the offered {rate}/s were answered; "
                     f"{slow_after} of those answers took ≥ 0.9 s")
    s.details.append("- the last new traffic to the frozen target: "
                     + ("none after the freeze" if last_growth is None else f"+{last_growth:.1f} s after the freeze"))
    ejected = last_growth if last_growth is not None else 0.0
    flowing = flow >= 0.9
    s.goals.append(Goal("One of four targets frozen (SIGSTOP) under load", "ejected within 2 s",
                        (f"last request sent to it +{ejected:.1f} s after the freeze" if flowing else
                         f"not ejected: clients stuck waiting on it, only {100 * flow:.0f} % of the load answered "
                         "from 2 s after the freeze on")
                        + f"; {result.failed} failed, {result.unanswered} unanswered of {fmt(result.requests)}",
                        f"{ejected:.1f} s" if flowing else "–", ejected <= 2.0 and flowing))
    s.commands = c.lines
    return s


# --- control plane ---------------------------------------------------------------------------------

class BackgroundLoad:
    """h2load in rounds of 10 s until stopped, so the load lasts exactly as long as the scenario."""

    def __init__(self, run, commands, port, host, rate):
        self.results = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(run, commands, port, host, rate), daemon=True)
        self._thread.start()

    def _loop(self, run, commands, port, host, rate):
        while not self._stop.is_set():
            self.results.append(h2load(commands, run.tmp, f"change-load-{len(self.results)}", port, rate, 10,
                                       host=host, clients=20, warm_up=0))

    def stop(self):
        self._stop.set()
        self._thread.join(60)
        return sum(r.requests for r in self.results), sum(r.failed for r in self.results)


def config_change(run):
    changes, rate = 100, 1000
    s = Scenario("config-change", "Configuration change to first routed request",
                 f"{changes} changes of a fixed-response rule's body (PUT …/rules/{{id}} with an API token), one "
                 "after the other with 0.2 s between them, while h2load sends "
                 f"{rate} requests/s to the same load balancer's forward. After each call starts, a keep-alive client "
                 "polls the rule's path on the node until the new body answers; the time from the call's start "
                 "to that answer is the propagation time. Any other answer (error, or a body older than the "
                 "previous one) counts as failed.")
    c = Commands()
    listener = free_port()
    rule = {"priority": 10, "conditions": [{"field": "path-pattern", "values": ["/bench-change"]}],
            "action": {"type": "FIXED_RESPONSE", "fixedResponse": {"statusCode": 200, "messageBody": "change-0"}}}
    lb_id, host = run.tenant.create_load_balancer("change", forward_document(
        listener, run.nginx_targets, rules=[rule]))
    latencies, api_calls, poll_failures = [], [], []
    try:
        await_routed(listener, host, "change-0", path="/bench-change")
        listener_id = run.tenant.call("GET", f"/load-balancers/{lb_id}/listeners")["items"][0]["id"]
        rule_id = run.tenant.call("GET", f"/load-balancers/{lb_id}/listeners/{listener_id}/rules")["items"][0]["id"]
        rule_path = f"/load-balancers/{lb_id}/listeners/{listener_id}/rules/{rule_id}"
        c.add(["curl", "-fsS", "-X", "PUT", "-H", "Authorization: Bearer $TOKEN", "-H",
               "Content-Type: application/json", "-d", '{"priority":10,"conditions":[…],"action":{"type":'
               '"FIXED_RESPONSE","fixedResponse":{"statusCode":200,"messageBody":"change-N"}}}',
               "http://127.0.0.1:8080/api/v1/load-balancers/$LB/listeners/$LISTENER/rules/$RULE"])
        background = BackgroundLoad(run, c, listener, host, rate)
        poller = http.client.HTTPConnection("127.0.0.1", listener, timeout=5)
        try:
            time.sleep(2)
            previous = "change-0"
            for i in range(1, changes + 1):
                body = f"change-{i}"
                rule["action"]["fixedResponse"]["messageBody"] = body
                started = time.perf_counter()
                run.tenant.call("PUT", rule_path, rule)
                api_calls.append(time.perf_counter() - started)
                seen = None
                while time.perf_counter() - started < 10:
                    try:
                        poller.request("GET", "/bench-change", headers={"Host": host})
                        response = poller.getresponse()
                        answer = response.read().decode()
                        if response.status != 200 or answer not in (previous, body):
                            poll_failures.append(f"{response.status} {answer[:60]!r} during change {i}")
                        if answer == body:
                            seen = time.perf_counter() - started
                            break
                    except (OSError, http.client.HTTPException) as e:
                        poll_failures.append(f"{e!r} during change {i}")
                        poller.close()
                    time.sleep(0.0005)
                latencies.append(seen if seen is not None else float("inf"))
                previous = body
                time.sleep(0.2)
        finally:
            poller.close()
            load_requests, load_failed = background.stop()
    finally:
        run.tenant.delete_load_balancer(lb_id)
    ordered = sorted(latencies)

    def pct(p):
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))] * 1000

    failed = load_failed + len(poll_failures)
    api_sorted = sorted(api_calls)
    s.details.append(f"- propagation (API call start → first answer with the change): p50 {pct(50):.0f} ms, "
                     f"p90 {pct(90):.0f} ms, p99 {pct(99):.0f} ms, max {pct(100):.0f} ms, min {pct(0):.0f} ms")
    s.details.append(f"- the API call itself: p50 {api_sorted[len(api_sorted) // 2] * 1000:.0f} ms, "
                     f"max {api_sorted[-1] * 1000:.0f} ms")
    s.details.append(f"- background load: {fmt(load_requests)} requests, {load_failed} failed; "
                     f"poller: {len(poll_failures)} failed {poll_failures[:3]}")
    s.goals.append(Goal("Config change through the API → first request routed by it", "p50 ≤ 200 ms",
                        f"p50 {pct(50):.0f} ms over {len(latencies)} changes", f"{pct(50) / 200:.2f} × goal",
                        pct(50) <= 200))
    s.goals.append(Goal("Config change through the API → first request routed by it", "p99 ≤ 1 s",
                        f"p99 {pct(99):.0f} ms", f"{pct(99) / 1000:.2f} × goal", pct(99) <= 1000))
    s.goals.append(Goal("Config changes under load: failed requests", "0",
                        f"{failed} of {fmt(load_requests)} (load) + poller", str(failed), failed == 0))
    s.commands = c.lines
    return s


def many_lbs(run):
    total, per_tenant, threads = 1000, 50, 8
    s = Scenario("many-lbs", "1,000 load balancers",
                 f"Peak requests/s (wrk, best of {PEAK_ROUNDS} × {PEAK_SECONDS} s) to the one load balancer on a "
                 f"listener; then {total - 1} more on the same listener port, each with its own host name and the "
                 f"same four targets, created through the API ({total // per_tenant} tenants of {per_tenant}, the "
                 f"default per-tenant limit; {threads} parallel API clients: POST /load-balancers, then PUT "
                 "…/configuration); then peak requests/s to the last one created. Every load balancer's target "
                 "group has the default health checks, so the node also probes 4,000 targets every 30 s.")
    c = Commands()
    _, port, first_host, _ = run.system("node")

    def best(host):
        wrk(c, port, host, seconds=WARM_UP_SECONDS, warm_up=True)
        return max(wrk(c, port, host, seconds=PEAK_SECONDS) for _ in range(PEAK_ROUNDS))

    one = best(first_host)
    run.log(f"many-lbs: one load balancer {fmt(one)}/s; creating {total - 1} more")
    document = forward_document(port, run.nginx_targets)
    tenants = [run.tenant] + [sign_up(8080, f"fleet-{i:02d}") for i in range(1, total // per_tenant)]
    jobs = [(tenants[(i + 1) // per_tenant], f"lb-{i + 1:04d}") for i in range(total - 1)]
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        created = list(pool.map(lambda job: job[0].create_load_balancer(job[1], document), jobs))
    api_seconds = time.monotonic() - started
    c.add(["curl", "-fsS", "-H", "Authorization: Bearer $TOKEN", "-d", '{"name":"lb-NNNN"}',
           "http://127.0.0.1:8080/api/v1/load-balancers"])
    c.add(["curl", "-fsS", "-X", "PUT", "-H", "Authorization: Bearer $TOKEN", "-H", "Content-Type: application/json",
           "-d", '{"listeners":[…],"targetGroups":[…]}', "http://127.0.0.1:8080/api/v1/load-balancers/$LB/configuration"])
    last_host = created[-1][1]
    await_routed(port, last_host, "ok", timeout=600)
    routed_seconds = time.monotonic() - started
    run.log(f"many-lbs: {total} load balancers, API {api_seconds:.0f} s, last routed after {routed_seconds:.0f} s")
    # the last and the first alternately, so the machine's other load weighs on both alike
    lasts, firsts = [], []
    for host in (last_host, first_host):
        wrk(c, port, host, seconds=WARM_UP_SECONDS, warm_up=True)
    for _ in range(PEAK_ROUNDS):
        lasts.append(wrk(c, port, last_host, seconds=PEAK_SECONDS))
        firsts.append(wrk(c, port, first_host, seconds=PEAK_SECONDS))
    last, first_again = max(lasts), max(firsts)
    ratio = last / one
    s.details.append(f"- creating {total - 1} load balancers took {api_seconds:.0f} s of API calls; the node routed "
                     f"the last {routed_seconds:.0f} s after the first call")
    s.details.append(f"- peak requests/s: one load balancer alone {fmt(one)}; with {total:,}: the last "
                     f"{' / '.join(fmt(v) for v in lasts)}, the first {' / '.join(fmt(v) for v in firsts)} "
                     f"(rounds, alternating); last ÷ first {last / first_again:.2f}")
    s.goals.append(Goal(f"{total:,} load balancers configured, request to the last", "≥ 0.95 × one load balancer",
                        f"last of {total:,}: {fmt(last)}/s, one alone: {fmt(one)}/s (first of {total:,}: "
                        f"{fmt(first_again)}/s)", f"{ratio:.2f}", ratio >= 0.95))
    s.commands = c.lines
    return s


ALL = {
    "peak": peak,
    "latency": latency,
    "idle-memory": idle_memory,
    "slow-target": slow_target,
    "kill": kill,
    "freeze": freeze,
    "config-change": config_change,
    "many-lbs": many_lbs,
}
