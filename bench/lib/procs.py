"""Child processes of one benchmark run: started pinned to a core, recorded, and always stopped.

Every pid goes into <tmp>/pids with its start time, so bench/run's trap can kill exactly these
processes (and no process that later reused a pid) even if Python itself dies.
"""
import os
import signal
import socket
import subprocess
import time


def start_time(pid):
    """The kernel's start time of pid (clock ticks since boot), or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            # the command name may contain spaces and parentheses: fields start after the last ')'
            return f.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port, host="127.0.0.1"):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex((host, port)) == 0


def wait_for_port(port, host="127.0.0.1", timeout=30, proc=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if port_open(port, host):
            return
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{proc.name} exited with code {proc.returncode}:\n{tail(proc.log)}")
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {host}:{port} after {timeout} s")


def tail(log, lines=30):
    with open(log, errors="replace") as f:
        return "".join(f.readlines()[-lines:])


class Proc(subprocess.Popen):
    name = ""
    log = ""


class Processes:
    def __init__(self, tmp):
        self.tmp = tmp
        self.logs = os.path.join(tmp, "logs")
        os.makedirs(self.logs, exist_ok=True)
        self.running = []

    def start(self, name, argv, core=None, env=None, cwd=None, piped=False):
        """Starts argv (pinned to core with taskset when given); output goes to logs/<name>.log, or
        with piped, stdin and stdout are pipes to talk to it."""
        if core is not None:
            argv = ["taskset", "-c", str(core)] + list(argv)
        log = os.path.join(self.logs, name + ".log")
        with open(log, "ab") as out:
            proc = Proc(argv, stdout=subprocess.PIPE if piped else out, stderr=out,
                        stdin=subprocess.PIPE if piped else subprocess.DEVNULL, env=env, cwd=cwd, text=piped)
        proc.name = name
        proc.log = log
        self.running.append(proc)
        with open(os.path.join(self.tmp, "pids"), "a") as pids:
            pids.write(f"{proc.pid} {start_time(proc.pid)}\n")
        return proc

    def stop(self, proc, grace=10):
        if proc.stdin:
            proc.stdin.close()
        if proc.poll() is None:
            try:
                os.kill(proc.pid, signal.SIGCONT)  # a frozen process cannot act on SIGTERM
                proc.terminate()
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)
            except ProcessLookupError:
                pass
        if proc in self.running:
            self.running.remove(proc)

    def stop_all(self):
        for proc in reversed(list(self.running)):
            # the devstack stops its own children (panel, Postgres, Kafka) and needs time for it
            self.stop(proc, grace=60 if proc.name == "devstack" else 10)


def rss_kib(pid):
    """Resident set size of pid and all its descendants, in KiB."""
    total = 0
    for p in [pid] + descendants(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def descendants(pid):
    children = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                children += [int(c) for c in f.read().split()]
    except OSError:
        return []
    result = list(children)
    for child in children:
        result += descendants(child)
    return result


def cpu_seconds(pid):
    """User + system CPU time of a process and its descendants so far."""
    total = 0
    for p in [pid] + descendants(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def jit_cpu_seconds(pid):
    """CPU time of a JVM's JIT compiler threads ("C1 CompilerThread0", "C2 CompilerThread1", ...)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/comm") as f:
                if "CompilerThre" not in f.read():
                    continue
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        except OSError:
            pass  # a compiler thread the JVM stopped meanwhile
    return total / os.sysconf("SC_CLK_TCK")
