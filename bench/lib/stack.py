"""The control plane (devstack --no-node: Postgres, Kafka, Redis, SMTP, panel) on the load core, and
the gateway node under test on the proxy core, started from the packaged jars."""
import json
import os
import shlex
import time
import urllib.error
import urllib.request

from procs import free_port, port_open, tail
from servers import PROXY_CORE, TARGET_CORE

PANEL_PORT = 8080
KAFKA = "127.0.0.1:19092"
# the fixed ports of devstack (README: The two commands)
DEVSTACK_PORTS = [8080, 15432, 19092, 16379, 2525]
# the node's production flags (gateway-node/Dockerfile); override with BENCH_NODE_JAVA_OPTS
NODE_JAVA_OPTS = os.environ.get("BENCH_NODE_JAVA_OPTS", "-XX:MaxRAMPercentage=75")


def get_json(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def await_up(url, proc, timeout):
    deadline = time.monotonic() + timeout
    last = "no answer"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.name} exited with code {proc.returncode}:\n{tail(proc.log)}")
        try:
            if get_json(url).get("status") == "UP":
                return
        except urllib.error.HTTPError as e:
            last = f"{e.code} {e.read().decode(errors='replace')[:2000]}"
        except (OSError, ValueError) as e:
            last = str(e)
        time.sleep(0.5)
    raise RuntimeError(f"{url} not UP after {timeout} s: {last}\nlast lines of {proc.name}'s output:\n"
                       + tail(proc.log))


def start_control_plane(procs, repo):
    busy = [p for p in DEVSTACK_PORTS if port_open(p)]
    if busy:
        raise RuntimeError(f"ports {busy} are in use: stop ./run-local (or whatever holds them) first")
    proc = procs.start("devstack", ["java", "-jar", os.path.join(repo, "devstack/target/signalbox-devstack.jar"),
                                    "--no-node"], core=TARGET_CORE, cwd=repo)
    await_up(f"http://127.0.0.1:{PANEL_PORT}/actuator/health", proc, timeout=240)
    return proc


class Node:
    def __init__(self, proc, admin_port, argv):
        self.proc = proc
        self.admin_port = admin_port
        self.argv = argv

    @property
    def pid(self):
        return self.proc.pid

    def targets(self, lb_id):
        """/actuator/targets/{lb}: the node's view of the health of a load balancer's targets."""
        return get_json(f"http://127.0.0.1:{self.admin_port}/actuator/targets/{lb_id}")


def start_node(procs, repo, tmp):
    admin = free_port()
    argv = ["java", *shlex.split(NODE_JAVA_OPTS), "-jar", os.path.join(repo, "gateway-node/target/signalbox-node.jar"),
            f"--server.port={admin}", "--server.address=127.0.0.1",
            "--signalbox.node.listen-address=127.0.0.1",
            f"--spring.kafka.bootstrap-servers={KAFKA}",
            "--signalbox.node.id=bench-node",
            f"--signalbox.node.state-dir={os.path.join(tmp, 'node-state')}"]
    proc = procs.start("node", argv, core=PROXY_CORE)
    await_up(f"http://127.0.0.1:{admin}/actuator/health", proc, timeout=180)
    return Node(proc, admin, ["taskset", "-c", str(PROXY_CORE)] + argv)
