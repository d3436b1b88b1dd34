#!/usr/bin/env python3
"""Save-to-visible time of `versus serve`: edit one route's input price, poll the model's page until it changes.

Usage: Benchmarks/serve_edit.py VERSUS SITE [RUNS]

Starts `VERSUS serve --root SITE --port 0 --no-reload`, waits for its first build, then RUNS times: rewrites the
first priced route of the first imported model with a new input price, and polls /models/<id>/ every 5 ms until its
bytes differ. Prints each run's save-to-visible time and serve's own rebuild line, then min / median / max. The price
goes back at the end. The watcher's own delay (polling, settling) is part of the figure: it is what an editor waits.
"""
import glob, os, re, signal, statistics, subprocess, sys, time, urllib.request

versus, site = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 7
model = sorted(p for p in glob.glob(f"{site}/Content/imports/models-dev/models/*.yaml")
               if re.search(r"^    input: [0-9.]+$", open(p, encoding="utf-8").read(), re.M))[0]
model_id = os.path.basename(model)[:-len(".yaml")]
original = open(model, encoding="utf-8").read()

server = subprocess.Popen([versus, "serve", "--root", site, "--port", "0", "--no-reload"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
port = None
for line in server.stdout:
    match = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
    if match:
        port = int(match.group(1))
        break
if port is None:
    sys.exit("serve did not start")


def page():
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/models/{model_id}/") as response:
        return response.read()


def rebuilt_line():
    # serve prints "change seen, rebuilding…" and then the build's line.
    for line in server.stdout:
        if line.startswith("rendered "):
            return line.strip()
    return ""


times = []
try:
    for run in range(runs):
        before = page()
        price = 1 + run * 0.01 + 0.001
        text = re.sub(r"^(    input: )([0-9.]+)$", lambda m: m.group(1) + repr(round(float(m.group(2)) + price, 4)),
                      original, count=1, flags=re.M)
        time.sleep(1.0)  # the watcher is idle again
        with open(model, "w", encoding="utf-8") as f:
            f.write(text)
        saved = time.monotonic()
        while page() == before:
            time.sleep(0.005)
        visible = time.monotonic() - saved
        times.append(visible)
        print(f"run {run + 1}: {visible * 1000:.0f} ms save to visible | serve: {rebuilt_line()}", flush=True)
finally:
    with open(model, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(1.0)
    server.send_signal(signal.SIGINT)
    server.wait(timeout=30)

print(f"save to visible ms (min / median / max): {min(times) * 1000:.0f} / {statistics.median(times) * 1000:.0f} / "
      f"{max(times) * 1000:.0f} over {len(times)} runs ({model_id})")
