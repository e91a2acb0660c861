import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")

application = get_wsgi_application()

import backend.celery  # noqa: E402, F401  (tasks enqueued by the web process use this app)
