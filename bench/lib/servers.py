"""The servers of a run, configured into the run's temp dir: targets (on the load core), and nginx and
HAProxy as proxies under test (on the proxy core), configured like the node: keep-alive to clients
and to the targets, X-Forwarded-For, round robin, one worker."""
import os
import resource

from procs import wait_for_port

PROXY_CORE = 0
TARGET_CORE = 1
NGINX_BODY = "ok\n"


def _nginx_common(directory):
    return f"""
worker_processes 1;
worker_rlimit_nofile 65536;
daemon off;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 30000; }}
"""


def _nginx_http_common(directory):
    return f"""
  access_log off;
  keepalive_requests 1000000;
  keepalive_timeout 300s;
  client_body_temp_path {directory}/body;
  proxy_temp_path {directory}/proxy;
  fastcgi_temp_path {directory}/fastcgi;
  uwsgi_temp_path {directory}/uwsgi;
  scgi_temp_path {directory}/scgi;
"""


def start_nginx(procs, name, directory, config, core):
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, "nginx.conf")
    with open(path, "w") as f:
        f.write(config)
    # -e: nginx opens its default error log before reading the config; keep it in the temp dir too
    return procs.start(name, ["nginx", "-p", directory, "-e", os.path.join(directory, "error.log"), "-c", path],
                       core=core)


def start_nginx_targets(procs, tmp, ports):
    """One nginx worker answering a tiny body on every port: the fast targets of the peak scenarios."""
    directory = os.path.join(tmp, "nginx-targets")
    listens = "\n".join(f"    listen 127.0.0.1:{p};" for p in ports)
    config = _nginx_common(directory) + f"""
http {{
{_nginx_http_common(directory)}
  server {{
{listens}
    location / {{ default_type text/plain; return 200 "{NGINX_BODY.strip()}\\n"; }}
  }}
}}
"""
    proc = start_nginx(procs, "nginx-targets", directory, config, TARGET_CORE)
    for p in ports:
        wait_for_port(p, proc=proc)
    return proc


def start_nginx_proxy(procs, tmp, port, targets):
    directory = os.path.join(tmp, "nginx-proxy")
    servers = "\n".join(f"    server {h}:{p};" for h, p in targets)
    config = _nginx_common(directory) + f"""
http {{
{_nginx_http_common(directory)}
  upstream targets {{
{servers}
    keepalive 128;
    keepalive_requests 1000000;
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://targets;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }}
  }}
}}
"""
    proc = start_nginx(procs, "nginx-proxy", directory, config, PROXY_CORE)
    wait_for_port(port, proc=proc)
    return proc


def haproxy_max_connections():
    # HAProxy reserves two descriptors per connection (client and server side) and will not start when the
    # file limit cannot hold them all
    return min(30000, (resource.getrlimit(resource.RLIMIT_NOFILE)[0] - 100) // 2)


def start_haproxy(procs, tmp, port, targets):
    directory = os.path.join(tmp, "haproxy")
    os.makedirs(directory, exist_ok=True)
    servers = "\n".join(f"  server t{i} {h}:{p}" for i, (h, p) in enumerate(targets, 1))
    config = f"""
global
  nbthread 1
  maxconn {haproxy_max_connections()}
defaults
  mode http
  timeout connect 2s
  timeout client 300s
  timeout server 60s
  timeout http-keep-alive 300s
  option forwardfor
  http-reuse always
frontend bench
  bind 127.0.0.1:{port}
  default_backend targets
backend targets
  balance roundrobin
{servers}
"""
    path = os.path.join(directory, "haproxy.cfg")
    with open(path, "w") as f:
        f.write(config)
    proc = procs.start("haproxy", ["haproxy", "-db", "-f", path], core=PROXY_CORE)
    wait_for_port(port, proc=proc)
    return proc


def start_targets(procs, addresses, port, health_port, delays):
    """One process of bench/lib/target.py per target, each on its own loopback address (so its traffic
    can be told apart)."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "target.py")
    started = []
    for address, delay in zip(addresses, delays):
        proc = procs.start(f"target-{address}", ["python3", script, address, str(port), str(health_port), str(delay)],
                           core=TARGET_CORE)
        proc.address = address
        started.append(proc)
    for proc in started:
        wait_for_port(port, host=proc.address, proc=proc)
        wait_for_port(health_port, host=proc.address, proc=proc)
    return started
