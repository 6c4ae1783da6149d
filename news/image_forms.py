"""The admin's image upload form, told about damaged files.

Wagtail reads an upload's size from the decoded image; a truncated or corrupt file (a GIF cut
short by a failed transfer) made Pillow raise, and the upload answered 500. It is a form error.
"""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED = "This image file is damaged or incomplete and cannot be read. Export it again and retry."


class CheckedImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            # Pillow's decoders raise these for damaged data.
            raise ValidationError(DAMAGED, code="invalid_image") from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].__class__ = CheckedImageField
