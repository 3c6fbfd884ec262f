#!/usr/bin/python3
"""Reads a systemd unit's ExecStart=, User= and Environment= as bash assignments.

  unit.py FILE     prints unit_user=…, unit_env=(…) and unit_cmd=(…) for `eval`

The bench runs the installed unit's own command line, so it reads the unit file itself
rather than a copy. Quoting follows systemd's rules for these keys (shell-like words); the
ExecStart prefixes (-, @, :, +, !) change how systemd runs a command, not what it runs.
"""

import shlex
import sys


def logical_lines(path):
    """The unit's lines, with backslash continuations joined and comments dropped."""
    pending = ""
    with open(path, encoding="utf-8") as unit:
        for raw in unit:
            line = raw.strip()
            if not pending and line.startswith(("#", ";")):
                continue
            if line.endswith("\\"):
                pending += line[:-1] + " "
                continue
            yield pending + line
            pending = ""


def main(path):
    section, user, env, cmd = None, "root", [], None
    for line in logical_lines(path):
        if line.startswith("["):
            section = line
            continue
        if section != "[Service]" or "=" not in line:
            continue
        key, value = (part.strip() for part in line.split("=", 1))
        if key == "User":
            user = value
        elif key == "Environment":
            env += shlex.split(value) if value else []
        elif key == "ExecStart":
            cmd = shlex.split(value) if value else None
    if not cmd:
        raise SystemExit(f"{path}: no ExecStart=")
    if any("%" in word for word in cmd):
        raise SystemExit(f"{path}: ExecStart= uses a specifier (%), which the bench cannot expand")
    cmd[0] = cmd[0].lstrip("-@:+!")
    print(f"unit_user={shlex.quote(user)}")
    print(f"unit_env=({' '.join(map(shlex.quote, env))})")
    print(f"unit_cmd=({' '.join(map(shlex.quote, cmd))})")


if __name__ == "__main__":
    main(sys.argv[1])
