"""The admin shows each exercise's poses, drawn by the same renderer as the app."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest

from exercises.models import Exercise
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_exercise_admin_page_shows_every_pose(cast: Any, client: Any) -> None:
    superuser: Any = UserFactory(is_superuser=True, is_staff=True, role="clinic_admin")
    client.force_login(superuser)
    bird = Exercise.objects.get(slug="bird-dog")
    page = client.get(f"/admin/exercises/exercise/{bird.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    start = html.index('<div style="display:flex;flex-wrap:wrap;gap:12px">')
    svgs = html[start:].split("</figure>")[: len(bird.poses)]
    assert len(svgs) == len(bird.poses) == 2
    for cell, pose in zip(svgs, bird.poses, strict=True):
        svg = cell[cell.index("<svg") : cell.index("</svg>") + 6]
        root = ElementTree.fromstring(svg)  # noqa: S314 (our own output)
        assert root.get("role") == "img"
        assert f"({pose['view']} view)" in cell
    assert "On hands and knees" in html
