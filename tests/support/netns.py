"""Two "hosts" on one machine: Linux network namespaces, each joined to the host by a
veth pair. A namespace has its own loopback, so its processes reach the shared
PostgreSQL, Redis, RabbitMQ and the push-service stand-in through relays over the veth
link (``tests/support/relay.py``): in the namespace a relay listens on 127.0.0.1:port
(the URLs stay the same) and forwards to the host end of the veth pair, where a second
relay forwards to the service on the host's own loopback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[2]


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True)


class Namespace:
    """``ip netns add`` (needs root, CAP_NET_ADMIN) and a /30 veth link to the host."""

    def __init__(self, name: str, index: int) -> None:
        self.name = name
        tag = f"{os.getpid() % 10000}{index}"
        self.host_if, self.ns_if = f"uph{tag}", f"upn{tag}"
        octet = (os.getpid() % 200) + 20
        self.host_ip = f"10.231.{octet}.{4 * index + 1}"
        self.ns_ip = f"10.231.{octet}.{4 * index + 2}"
        self.relays: list[subprocess.Popen[str]] = []

    def create(self) -> Namespace:
        try:
            _ip("netns", "add", self.name)
        except subprocess.CalledProcessError as exc:
            raise AssertionError(
                f"`ip netns add` failed (root with CAP_NET_ADMIN is needed): {exc.stderr}"
            ) from exc
        _ip("link", "add", self.host_if, "type", "veth", "peer", "name", self.ns_if)
        _ip("link", "set", self.ns_if, "netns", self.name)
        _ip("addr", "add", f"{self.host_ip}/30", "dev", self.host_if)
        _ip("link", "set", self.host_if, "up")
        self.exec_ip("addr", "add", f"{self.ns_ip}/30", "dev", self.ns_if)
        self.exec_ip("link", "set", self.ns_if, "up")
        self.exec_ip("link", "set", "lo", "up")
        return self

    def exec_ip(self, *args: str) -> None:
        _ip("netns", "exec", self.name, "ip", *args)

    def prefix(self, hostname: str) -> tuple[str, ...]:
        """Run a command inside the namespace, with its own host name (UTS namespace)."""
        return (
            "ip", "netns", "exec", self.name, "unshare", "--uts", "sh", "-c",
            f'hostname {hostname} && exec "$@"', "sh",
        )  # fmt: skip

    def relay(self, ports: list[int]) -> None:
        """Relays for these loopback ports: namespace 127.0.0.1 -> veth -> host 127.0.0.1."""
        host_side = [f"{self.host_ip}:{p}=127.0.0.1:{p}" for p in ports]
        ns_side = [f"127.0.0.1:{p}={self.host_ip}:{p}" for p in ports]
        self.relays.append(_start_relay([], host_side))
        self.relays.append(_start_relay(["ip", "netns", "exec", self.name], ns_side))

    def destroy(self) -> None:
        for proc in self.relays:
            proc.kill()
            proc.wait(10)
        subprocess.run(["ip", "link", "del", self.host_if], check=False, capture_output=True)
        subprocess.run(["ip", "netns", "del", self.name], check=False, capture_output=True)


def _start_relay(prefix: list[str], pairs: list[str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [*prefix, sys.executable, "-m", "tests.support.relay", *pairs],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out: IO[str] | None = proc.stdout
    assert out is not None
    line = out.readline()
    if line.strip() != "ready":
        proc.kill()
        raise AssertionError(
            f"relay did not start: {line}{proc.stderr.read() if proc.stderr else ''}"
        )
    return proc
