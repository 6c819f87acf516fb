"""gunicorn's settings for the portal: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value comes from the environment (docs/deploy.md), with defaults for a 2-core server:

- GUNICORN_BIND (127.0.0.1:8000): nginx in front proxies to it; a Unix socket as
  unix:/run/plan/gunicorn.sock works too.
- GUNICORN_WORKERS (cores + 1, so 3 on 2 cores): processes; each holds Django and the
  portal (about 80 MB). PDFs are rendered by the task queue's workers, never here.
- GUNICORN_THREADS (4): threads per process (gthread workers): a request waiting on the
  database or on a slow client does not hold a whole process.
- GUNICORN_TIMEOUT (60 s): a request stuck this long has its worker restarted; the portal's
  slowest pages (Excel exports of the national data) stay well under it.
- GUNICORN_GRACEFUL_TIMEOUT (30 s): on restart, requests in progress may finish.
- GUNICORN_MAX_REQUESTS (1000, with a random jitter of a tenth): a worker is replaced after
  that many requests, so memory that grew is given back.
- GUNICORN_FORWARDED_ALLOW_IPS (127.0.0.1): the proxies whose X-Forwarded-* are trusted.
"""

import os

_cores = os.cpu_count() or 1

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(_cores + 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = max_requests // 10
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The logs go to the process manager (journald under systemd).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = os.environ.get("GUNICORN_NAME", "plan-portal")
# gunicorn 25.1+ opens a control socket for `gunicornc` under the user's home, one path per
# machine user, which two instances would share: off unless GUNICORN_CONTROL_SOCKET names one.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
