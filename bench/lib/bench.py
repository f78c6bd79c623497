"""bench/run's body: sets up targets, nginx, HAProxy, the control plane and the gateway node, runs the
scenarios and writes bench/RESULTS.md. Run it through bench/run, which installs the tools, raises the
file limit and cleans up whatever is left if this process dies."""
import argparse
import datetime
import os
import signal
import sys
import time

import report
import scenarios
from load import Commands, wrk
from panel import forward_document, sign_up
from procs import Processes, free_port, jit_cpu_seconds
from servers import start_haproxy, start_nginx_proxy, start_nginx_targets
from stack import NODE_JAVA_OPTS, start_control_plane, start_node

# the JVM compiles the node's hot path during its first minute or so of load (longer on a busy machine):
# warm up in rounds of 10 s until the JIT compiler threads are nearly idle, within these bounds
NODE_WARM_UP_MIN_SECONDS = 30
NODE_WARM_UP_MAX_SECONDS = 180
JIT_IDLE_SECONDS_PER_ROUND = 0.2


class Run:
    def __init__(self, repo, tmp):
        self.repo = repo
        self.tmp = tmp
        self.procs = Processes(tmp)
        self.started = time.monotonic()
        self.nginx_peak = None
        self.node_peak = None
        self.setup_commands = Commands()

    def log(self, message):
        elapsed = time.monotonic() - self.started
        print(f"[bench {elapsed:5.0f} s] {message}", flush=True)

    def set_up(self):
        ports = [free_port() for _ in range(4)]
        self.nginx_targets = [("127.0.0.1", p) for p in ports]
        self.target_proc = start_nginx_targets(self.procs, self.tmp, ports)
        self.log("nginx targets up; starting the control plane (devstack --no-node)")
        start_control_plane(self.procs, self.repo)
        self.tenant = sign_up(8080, "bench")
        self.listener = free_port()
        _, self.node_host = self.tenant.create_load_balancer(
            "peak", forward_document(self.listener, self.nginx_targets))
        self.log("panel up; starting the gateway node")
        self.node = start_node(self.procs, self.repo, self.tmp)
        scenarios.await_routed(self.listener, self.node_host, "ok")
        self.nginx_port, self.haproxy_port = free_port(), free_port()
        self.nginx_proc = start_nginx_proxy(self.procs, self.tmp, self.nginx_port, self.nginx_targets)
        self.haproxy_proc = start_haproxy(self.procs, self.tmp, self.haproxy_port, self.nginx_targets)
        self.log(f"node routes {self.node_host}; warming it up until the JIT compiler is done")
        warmed = 0
        while warmed < NODE_WARM_UP_MAX_SECONDS:
            compiling = jit_cpu_seconds(self.node.pid)
            rps = wrk(self.setup_commands, self.listener, self.node_host, seconds=10, warm_up=True)
            compiling = jit_cpu_seconds(self.node.pid) - compiling
            warmed += 10
            self.log(f"node warm-up: {rps:,.0f} requests/s, {compiling:.1f} s of JIT compilation")
            if warmed >= NODE_WARM_UP_MIN_SECONDS and compiling < JIT_IDLE_SECONDS_PER_ROUND:
                break

    def systems(self):
        """(label, port, Host header, pid whose CPU and memory count) of each system compared side by side."""
        return [
            ("direct", self.nginx_targets[0][1], None, self.target_proc.pid),
            ("nginx", self.nginx_port, None, self.nginx_proc.pid),
            ("haproxy", self.haproxy_port, None, self.haproxy_proc.pid),
            ("node", self.listener, self.node_host, self.node.pid),
        ]

    def system(self, label):
        return next(s for s in self.systems() if s[0] == label)


def interrupt(signum, frame):
    # SIGTERM (a kill, or bench/run's trap) unwinds like Ctrl-C, so the finally in main cleans up
    raise KeyboardInterrupt


def main():
    parser = argparse.ArgumentParser(prog="bench/run", description="Signalbox benchmark")
    parser.add_argument("--tmp", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("scenarios", nargs="*", help="scenarios to run (default: all): " + ", ".join(scenarios.ALL))
    args = parser.parse_args()
    unknown = [s for s in args.scenarios if s not in scenarios.ALL]
    if unknown:
        parser.error(f"unknown scenario(s) {unknown}; choose from {', '.join(scenarios.ALL)}")
    chosen = args.scenarios or list(scenarios.ALL)

    signal.signal(signal.SIGTERM, interrupt)
    run = Run(args.repo, args.tmp)
    machine = report.machine()
    started_at = datetime.datetime.now(datetime.timezone.utc)
    cpu_before = report.busy_jiffies()
    results, failures = [], []
    try:
        run.set_up()
        for name in chosen:
            run.log(f"scenario {name}")
            try:
                results.append(scenarios.ALL[name](run))
            except Exception as e:  # one broken scenario must not hide the others' results
                run.log(f"scenario {name} failed: {e!r}")
                failures.append((name, repr(e)))
    except KeyboardInterrupt:
        run.log("interrupted; cleaning up")
        return 130
    finally:
        run.procs.stop_all()
    wall = time.monotonic() - run.started
    others = report.others_cpu_share(cpu_before, wall)
    path = os.path.join(args.repo, "bench", "RESULTS.md")
    report.write(path, results, failures, chosen, machine, started_at, wall, others,
                 node_argv=run.node.argv, node_java_opts=NODE_JAVA_OPTS, setup_commands=run.setup_commands.lines)
    run.log(f"done in {wall / 60:.1f} min; results in {path}")
    for s in results:
        for g in s.goals:
            verdict = {True: "pass", False: "MISS", None: "not measured"}[g.passed]
            run.log(f"{verdict:>12}  {g.name}: {g.measured} (goal {g.target})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
