"""A benchmark target: answers "ok from <address>" to every request on its traffic port, after an
optional delay, and "healthy" on its health port. Both live in one process, so kill -9 and SIGSTOP hit
both at once, while the traffic port sees requests only (health probes go to the other port).

Requests without a body (GET) only, keep-alive, no threads: a delay is a timer, so a slow target
stays slow by exactly its delay however many requests wait. Usage: target.py ADDRESS PORT HEALTH_PORT DELAY_MS
"""
import asyncio
import sys


class Answering(asyncio.Protocol):
    def __init__(self, body, delay):
        self.response = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s" % (
            len(body), body)
        self.delay = delay
        self.pending = b""
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.pending += data
        end = self.pending.find(b"\r\n\r\n")
        while end >= 0:
            self.pending = self.pending[end + 4:]
            if self.delay:
                asyncio.get_running_loop().call_later(self.delay, self.answer)
            else:
                self.answer()
            end = self.pending.find(b"\r\n\r\n")

    def answer(self):
        if not self.transport.is_closing():
            self.transport.write(self.response)


async def main():
    address, port, health_port, delay = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]) / 1000
    loop = asyncio.get_running_loop()
    body = b"ok from " + address.encode() + b"\n"
    await loop.create_server(lambda: Answering(body, delay), address, port, backlog=1024)
    await loop.create_server(lambda: Answering(b"healthy\n", 0), address, health_port)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
