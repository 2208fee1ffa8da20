"""Many readers at once over Streamlit's own protocol, without a browser.

Each reader does what the browser does on a first visit: GET the page (keeping its cookies, so the
proxy's replica cookie is sent back), open /_stcore/stream (subprotocol "streamlit"), send a
BackMsg ``rerun_script`` with the page's query string, and read ForwardMsgs until
``script_finished``. The time from the GET to that message is the reader's time to a complete
page; a reader that gets an error or no end within the timeout is lost. Meanwhile a probe asks
/_stcore/health every quarter second and records how long each answer takes.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.cookiejar
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY}


@dataclass
class Burst:
    times: list[float] = field(default_factory=list)  # seconds, of the readers who got a page
    order: list[int] = field(default_factory=list)  # arrival numbers, in the order they finished
    lost: int = 0
    errors: list[str] = field(default_factory=list)
    health: list[float] = field(default_factory=list)  # seconds per health answer
    health_failed: int = 0
    replicas: dict[str, int] = field(default_factory=dict)

    def quantile(self, q: float) -> float:
        if not self.times:
            return float("nan")
        ordered = sorted(self.times)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _get(url: str, jar: http.cookiejar.CookieJar) -> tuple[int, str]:
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url, timeout=30) as answer:
        answer.read()
        return answer.status, answer.headers.get("X-Replica", "")


async def one_reader(
    base: str, path: str, number: int, burst: Burst, timeout: float, gate: asyncio.Event
) -> None:
    await gate.wait()
    start = time.perf_counter()
    query = path.split("?", 1)[1] if "?" in path else ""
    page = path.split("?", 1)[0].strip("/")
    jar = http.cookiejar.CookieJar()
    try:
        async with asyncio.timeout(timeout):
            _status, replica = await asyncio.to_thread(_get, base + path, jar)
            burst.replicas[replica] = burst.replicas.get(replica, 0) + 1
            cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
            headers = {"Origin": base, **({"Cookie": cookie} if cookie else {})}
            ws_url = base.replace("http://", "ws://") + "/_stcore/stream"
            async with websockets.connect(
                ws_url,
                subprotocols=["streamlit"],
                additional_headers=headers,
                max_size=None,
                open_timeout=timeout,
            ) as socket:
                message = BackMsg()
                message.rerun_script.query_string = query
                message.rerun_script.page_script_hash = ""
                message.rerun_script.page_name = page
                await socket.send(message.SerializeToString())
                while True:
                    forward = ForwardMsg.FromString(await socket.recv())
                    if forward.WhichOneof("type") == "script_finished":
                        if forward.script_finished in FINISHED:
                            break
                        raise RuntimeError(f"script finished with {forward.script_finished}")
        burst.times.append(time.perf_counter() - start)
        burst.order.append(number)
    except Exception as exc:  # a lost reader, whatever the reason: counted and named
        burst.lost += 1
        burst.errors.append(f"{type(exc).__name__}: {exc}"[:160])


async def _probe_health(base: str, burst: Burst, done: asyncio.Event) -> None:
    while not done.is_set():
        start = time.perf_counter()
        try:
            await asyncio.to_thread(_get, base + "/_stcore/health", http.cookiejar.CookieJar())
            burst.health.append(time.perf_counter() - start)
        except OSError:
            burst.health_failed += 1
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), 0.25)


async def _burst(base: str, path: str, readers: int, timeout: float) -> Burst:
    burst = Burst()
    gate, done = asyncio.Event(), asyncio.Event()
    tasks = [
        asyncio.create_task(one_reader(base, path, n, burst, timeout, gate)) for n in range(readers)
    ]
    probe = asyncio.create_task(_probe_health(base, burst, done))
    gate.set()
    await asyncio.gather(*tasks)
    done.set()
    await probe
    return burst


def burst(base: str, path: str, readers: int, timeout: float = 60.0) -> Burst:
    """``readers`` readers opening ``path`` at ``base`` at the same moment."""
    # Blocking GETs run in threads: enough of them that no reader waits for a free one.
    loop = asyncio.new_event_loop()
    loop.set_default_executor(ThreadPoolExecutor(max_workers=readers + 4))
    try:
        return loop.run_until_complete(_burst(base, path, readers, timeout))
    finally:
        loop.close()


def summary(burst_: Burst) -> str:
    health = (
        f"health p50 {statistics.median(burst_.health) * 1000:.0f} ms, "
        f"max {max(burst_.health) * 1000:.0f} ms"
        if burst_.health
        else "no health answer"
    )
    spread = ", ".join(f"{k or '-'}:{v}" for k, v in sorted(burst_.replicas.items()))
    return (
        f"p50 {burst_.quantile(0.5):.2f} s, p90 {burst_.quantile(0.9):.2f} s, "
        f"lost {burst_.lost}; {health}; replicas {spread}"
    )
