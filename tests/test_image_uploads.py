"""A damaged image upload is a form error the editor can read, never a 500."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def gif_bytes():
    buffer = BytesIO()
    Image.new("RGB", (64, 48), (200, 10, 10)).save(buffer, "GIF")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "cut"),
    [("truncated.gif", 40), ("header-only.gif", 13), ("cut-in-half.gif", None)],
)
def test_damaged_uploads_are_form_errors(admin_client, home, name, cut):
    data = gif_bytes()
    data = data[: cut or len(data) // 2]
    upload = SimpleUploadedFile(name, data, content_type="image/gif")
    response = admin_client.post("/admin/images/add/", {"title": "Broken", "file": upload})
    assert response.status_code == 200
    assert "damaged or incomplete" in response.content.decode() or (
        "valid image" in response.content.decode()
    )
    assert not get_image_model().objects.exists()


def test_a_whole_gif_still_uploads(admin_client, home):
    upload = SimpleUploadedFile("whole.gif", gif_bytes(), content_type="image/gif")
    response = admin_client.post("/admin/images/add/", {"title": "Whole", "file": upload})
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 64
