import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

application = get_wsgi_application()

# Import every view, serializer and URL pattern now, not on a worker's first request: a
# cold worker would otherwise answer its first patients hundreds of milliseconds late.
get_resolver().url_patterns  # noqa: B018

import backend.celery  # noqa: E402, F401  (tasks enqueued by the web process use this app)
