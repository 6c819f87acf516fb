"""Uploaded files are private: the one place for their names, the image rule and serving.

- Names: :class:`PrivateName` gives every stored file a random name under a folder per kind
  (``progress/3f9c…e1.png``), so that no URL or path can be guessed from a caption, a year
  or the original file name. Files stored before keep their names (the field stores it).
- Images: :func:`validate_image` is the one rule (JPEG, PNG or WebP, at most 5 MB and
  40 million pixels, read from the header before any pixel is decoded). :class:`ImageField`
  (model) runs it on every save path, the admin included, and its form field
  (:class:`ImageFormField`) gives every message in Thai.
- Addresses: the model fields :class:`ImageField` and :class:`FileField` name the view that
  serves their files (``url_name``), so ``.url`` (templates, the admin's "currently" link,
  the report's pictures) is that view's address, never a public /media/ one.
- Serving: nothing serves MEDIA_ROOT publicly. A view fetches the owning object through a
  user-scoped queryset (another office's file is a 404) and returns
  :func:`private_file_response`, which hands the file to django-sendfile2: read by Django in
  the demo and the tests, sent by nginx (``X-Accel-Redirect``) in production; a storage with
  no file-system path (S3-compatible object storage) is streamed by Django from the storage.
"""

from __future__ import annotations

import secrets
import warnings
from datetime import datetime
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import FieldFile, ImageFieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.deconstruct import deconstructible
from django.utils.http import http_date, quote_etag
from django_sendfile import sendfile
from PIL import Image

MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
# Pillow's format name -> the extension a stored file gets (and the type it is served as).
IMAGE_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

NOT_AN_IMAGE = "ไฟล์นี้ไม่ใช่ภาพ กรุณาเลือกไฟล์ JPEG, PNG หรือ WebP"
WRONG_FORMAT = "รับเฉพาะไฟล์ภาพ JPEG, PNG หรือ WebP"
WRONG_EXTENSION = "ไฟล์นามสกุล “.%(extension)s” ไม่รับ รับเฉพาะไฟล์ภาพ .jpg .jpeg .png หรือ .webp"
TOO_MANY_BYTES = "ภาพมีขนาดเกิน ๕ MB กรุณาย่อภาพก่อนอัปโหลด"
TOO_MANY_PIXELS = "ภาพมีจำนวนจุดภาพเกิน ๔๐ ล้านจุด (เช่น เกิน ๘,๐๐๐ × ๕,๐๐๐ จุด) กรุณาย่อขนาดภาพก่อนอัปโหลด"

validate_image_extension = FileExtensionValidator(
    allowed_extensions=IMAGE_EXTENSIONS, message=WRONG_EXTENSION, code="invalid_extension"
)


def image_format(file) -> str:
    """Pillow's format name of an uploaded image, read from its header (no pixel decoded).

    Raises a Thai ValidationError when the file is not an image of an accepted format, or
    has more than MAX_IMAGE_PIXELS pixels (Pillow's own decompression-bomb guard included).
    """
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns above ~89 million pixels; our own, lower limit refuses them below.
            # (The filter is process-wide for this block: it only silences that warning.)
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
                name = image.format
                image.verify()  # chunk structure and checksums, still without decoding
    except Image.DecompressionBombError:
        raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels") from None
    except ValidationError:
        raise
    except Exception:  # Pillow raises many kinds for a file that is not a readable image
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from None
    finally:
        file.seek(position)
    if name not in IMAGE_FORMATS:
        raise ValidationError(WRONG_FORMAT, code="invalid_format")
    return name


def validate_image(file) -> None:
    """The one rule for every uploaded image: extension, bytes, format and pixel count.

    A file already stored (an unchanged field being re-validated) is not read again.
    """
    if isinstance(file, FieldFile) and file._committed:
        return
    validate_image_extension(file)
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(TOO_MANY_BYTES, code="file_size")
    image_format(file)


class ImageFormField(forms.FileField):
    """A form's image upload under :func:`validate_image`, with Thai messages only."""

    default_error_messages = {
        "invalid": "ไฟล์ไม่ถูกต้อง กรุณาเลือกไฟล์ภาพอีกครั้ง",
        "missing": "ไม่พบไฟล์ที่ส่งมา กรุณาเลือกไฟล์ภาพอีกครั้ง",
        "empty": "ไฟล์ว่างเปล่า",
        "max_length": "ชื่อไฟล์ยาวเกินไป",
        "contradiction": "กรุณาเลือกไฟล์ใหม่หรือติ๊กล้างค่า อย่างใดอย่างหนึ่ง",
        "required": "กรุณาเลือกไฟล์ภาพ",
    }
    default_validators = [validate_image]

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault(
            "widget",
            forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        )
        super().__init__(**kwargs)


class _PrivateURL:
    """``.url`` of a private file: the permission-checked view named by the field's
    ``url_name`` (``files:project_photo``), never a public MEDIA_URL address."""

    @property
    def url(self) -> str:
        self._require_file()
        return reverse(self.field.url_name, args=[self.instance.pk])


class PrivateFieldFile(_PrivateURL, FieldFile):
    pass


class PrivateImageFieldFile(_PrivateURL, ImageFieldFile):
    pass


class _PrivateField:
    """A file field whose files are served only by the view ``url_name`` (its one
    argument, the owning object's pk)."""

    def __init__(self, *args, url_name: str, **kwargs) -> None:
        self.url_name = url_name
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, {**kwargs, "url_name": self.url_name}


class FileField(_PrivateField, models.FileField):
    """A private file (a generated PDF)."""

    attr_class = PrivateFieldFile


class ImageField(_PrivateField, models.ImageField):
    """A private image under :func:`validate_image` on every path (forms, admin, services'
    ``full_clean``), edited with :class:`ImageFormField`."""

    attr_class = PrivateImageFieldFile
    default_validators = [validate_image]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})


@deconstructible
class PrivateName:
    """``upload_to`` giving a random, unguessable name under ``folder``.

    An image keeps the extension of its real format (from its header); any other file the
    lower-cased extension of the name it was saved under (``.pdf``).
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __eq__(self, other) -> bool:
        return isinstance(other, PrivateName) and other.folder == self.folder

    def __call__(self, instance, filename: str) -> str:
        return f"{self.folder}/{secrets.token_hex(16)}{self._extension(instance, filename)}"

    @staticmethod
    def _extension(instance, filename: str) -> str:
        for field in instance._meta.fields:
            if isinstance(field, models.ImageField):
                content = getattr(getattr(instance, field.attname), "_file", None)
                if content is not None and getattr(content, "name", None) == filename:
                    try:
                        return IMAGE_FORMATS[image_format(content)]
                    except ValidationError:
                        break
        suffix = PurePosixPath(filename).suffix.lower()
        return suffix if suffix[1:].isalnum() else ""


def _send(
    request, file: FieldFile, *, download_name: str, attachment: bool, content_type: str | None
) -> HttpResponse:
    """The stored file as a response: django-sendfile2 (Django reads it, or nginx through
    X-Accel-Redirect), or streamed from an object storage with no file-system path."""
    if not file:
        raise Http404("ไม่พบไฟล์")
    try:
        path = file.path
    except NotImplementedError:
        # Object storage (S3, several app servers): no path to hand to nginx, so the file
        # is streamed from the storage by this process (never a public or signed URL,
        # which would outlive the right just checked and leave the portal's origin).
        return FileResponse(
            file.storage.open(file.name, "rb"),
            as_attachment=attachment,
            filename=download_name,
            content_type=content_type,
        )
    return sendfile(
        request,
        path,
        attachment=attachment,
        attachment_filename=download_name,
        mimetype=content_type,
    )


def private_file_response(
    request,
    file: FieldFile,
    *,
    download_name: str,
    attachment: bool,
    content_type: str | None = None,
) -> HttpResponse:
    """Send a stored file to a user whose right to it the caller has checked.

    Images are shown inline, documents downloaded as attachments, under ``download_name``
    (non-ASCII names are sent RFC 6266-style by sendfile). The response is never cached by
    a shared cache and is revalidated (so a revoked right takes effect), and browsers may
    not guess another type than the one sent.
    """
    response = _send(
        request, file, download_name=download_name, attachment=attachment, content_type=content_type
    )
    response["Cache-Control"] = "private, no-cache"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def public_file_response(
    request,
    file: FieldFile,
    *,
    download_name: str,
    content_type: str,
    etag: str,
    last_modified: datetime,
    max_age: int,
) -> HttpResponse:
    """Send a file published for everyone (no sign-in), shown inline under
    ``download_name``: browsers and shared caches keep it for ``max_age`` seconds, then ask
    again with the ``etag`` (the file's digest) or ``last_modified``, and a reader whose
    copy is current gets 304 without the file being read."""
    etag = quote_etag(etag)
    modified = int(last_modified.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = _send(
            request, file, download_name=download_name, attachment=False, content_type=content_type
        )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["X-Content-Type-Options"] = "nosniff"
    return response
