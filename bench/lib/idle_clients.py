"""Opens N keep-alive connections to a proxy, sends one request on each, then holds them all idle.

Prints "READY <open connections>" once every connection has its answer, and holds until stdin closes
(or --hold seconds pass). Usage: idle_clients.py PORT HOST COUNT
"""
import argparse
import asyncio
import sys


async def one_connection(port, host, opened, failures):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.decode("latin-1").split("\r\n"):
            if line.lower().startswith("content-length:"):
                length = int(line.split(":", 1)[1])
        await reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 200"):
            failures.append(head.split(b"\r\n", 1)[0].decode())
        opened.append(writer)
    except (OSError, asyncio.IncompleteReadError) as e:
        failures.append(repr(e))


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("host")
    parser.add_argument("count", type=int)
    parser.add_argument("--batch", type=int, default=200, help="connections opened at once")
    parser.add_argument("--hold", type=float, default=300)
    args = parser.parse_args()
    opened, failures = [], []
    for start in range(0, args.count, args.batch):
        batch = range(start, min(args.count, start + args.batch))
        await asyncio.gather(*(one_connection(args.port, args.host, opened, failures) for _ in batch))
    print(f"READY {len(opened)} failed {len(failures)} {failures[:3]}", flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    await asyncio.wait([stdin_closed], timeout=args.hold)
    for writer in opened:
        writer.close()


if __name__ == "__main__":
    asyncio.run(main())
