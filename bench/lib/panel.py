"""The panel's REST API, used as a CI pipeline would: sign up, create an API token, then a bearer token."""
import http.client
import http.cookiejar
import json
import threading
import urllib.request


class ApiError(RuntimeError):
    pass


class Connection:
    """One keep-alive HTTP connection to the panel; not shared between threads."""

    def __init__(self, port, token=None):
        self.port = port
        self.token = token
        self.http = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def call(self, method, path, body=None, headers=None):
        all_headers = {"Accept": "application/json"}
        if body is not None:
            all_headers["Content-Type"] = "application/json"
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        all_headers.update(headers or {})
        data = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):
            try:
                self.http.request(method, "/api/v1" + path, body=data, headers=all_headers)
                response = self.http.getresponse()
                text = response.read().decode()
                break
            except (http.client.HTTPException, ConnectionError):
                # the panel closed an idle keep-alive connection; a fresh one is safe to retry on
                self.http.close()
                if attempt == 2:
                    raise
        if response.status // 100 != 2:
            raise ApiError(f"{method} {path} answered {response.status}: {text[:500]}")
        return json.loads(text) if text.strip() else {}


class Tenant:
    def __init__(self, port, slug, token):
        self.port = port
        self.slug = slug
        self.token = token
        self._local = threading.local()

    def api(self):
        """This thread's connection."""
        if getattr(self._local, "connection", None) is None:
            self._local.connection = Connection(self.port, self.token)
        return self._local.connection

    def call(self, method, path, body=None):
        return self.api().call(method, path, body)

    def create_load_balancer(self, name, document):
        """Creates a load balancer and applies its whole configuration; answers (id, dns name)."""
        lb = self.call("POST", "/load-balancers", {"name": name})
        self.call("PUT", f"/load-balancers/{lb['id']}/configuration", document)
        return lb["id"], lb["dnsName"]

    def delete_load_balancer(self, lb_id):
        self.call("DELETE", f"/load-balancers/{lb_id}")


def sign_up(port, slug):
    """A fresh tenant and a read/write API token, as in the README's tour."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}/api/v1"

    def post(path, body):
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        xsrf = next((c.value for c in jar if c.name == "XSRF-TOKEN"), None)
        if xsrf:
            headers["X-XSRF-TOKEN"] = xsrf
        request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers=headers)
        with opener.open(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")

    password = "bench-password-" + slug
    post("/signup", {"tenantSlug": slug, "tenantName": slug, "email": f"bench@{slug}.test",
                     "password": password, "displayName": "Bench"})
    token = post("/tokens", {"name": "bench", "scopes": ["read", "write"], "expiresInDays": 1})["token"]
    return Tenant(port, slug, token)


def forward_document(listener_port, targets, algorithm="ROUND_ROBIN", health_check=None, attributes=None,
                     rules=None):
    """A load balancer document: one HTTP listener forwarding to one target group."""
    group = {"name": "app", "algorithm": algorithm,
             "targets": [{"host": host, "port": port} for host, port in targets]}
    if health_check:
        group["healthCheck"] = health_check
    if attributes:
        group["attributes"] = attributes
    listener = {"port": listener_port, "protocol": "HTTP",
                "defaultAction": {"type": "FORWARD", "targetGroup": "app"}}
    if rules:
        listener["rules"] = rules
    return {"listeners": [listener], "targetGroups": [group]}
