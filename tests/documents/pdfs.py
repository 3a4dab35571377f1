"""Small documents made in the test: a PDF with a text layer (written by hand), a DOCX, an ODT."""

from __future__ import annotations

import io
import zipfile


def _escape(text: str) -> bytes:
    # WinAnsiEncoding covers å, ä, ö and é; the text is Latin-1 in the content stream.
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(pages: list[str], size: int = 12) -> bytes:
    """A valid PDF with one line of Helvetica text per page ('' makes a page without text)."""
    objects: list[bytes] = []
    n_pages = len(pages)
    # 1: catalog, 2: pages, 3: font, then per page: page object and content stream.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, text in enumerate(pages):
        content = (
            b"BT /F1 %d Tf 72 720 Td (" % size + _escape(text) + b") Tj ET" if text else b"0 0 m"
        )
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content
            + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def make_docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_odt(paragraphs: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for text in paragraphs:
        document.text.addElement(P(text=text))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def make_zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def make_scanned_pdf(text: str) -> bytes:
    """A one-page PDF holding only a picture of ``text`` (no text layer), as a scanner makes.

    The picture is the text PDF rasterised by pdftoppm, embedded as JPEG (DCTDecode).
    """
    import subprocess
    import tempfile
    from pathlib import Path

    width, height = 1275, 1650  # 612 × 792 pt at 150 dpi
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "text.pdf"
        source.write_bytes(make_pdf([text], size=24))
        subprocess.run(
            ["pdftoppm", "-jpeg", "-gray", "-singlefile", "-scale-to-x", str(width),
             "-scale-to-y", str(height), str(source), str(Path(folder) / "scan")],
            check=True,
        )
        jpeg = (Path(folder) / "scan.jpg").read_bytes()
    width, height, components = _jpeg_size(jpeg)
    colour = b"/DeviceGray" if components == 1 else b"/DeviceRGB"
    content = b"q 612 0 0 792 0 0 cm /Im1 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
        % (width, height, colour, len(jpeg))
        + jpeg + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _jpeg_size(jpeg: bytes) -> tuple[int, int, int]:
    """(width, height, colour components) from a JPEG's start-of-frame marker."""
    i = 2
    while i < len(jpeg):
        marker, length = jpeg[i + 1], int.from_bytes(jpeg[i + 2 : i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            height = int.from_bytes(jpeg[i + 5 : i + 7], "big")
            width = int.from_bytes(jpeg[i + 7 : i + 9], "big")
            return width, height, jpeg[i + 9]
        i += 2 + length
    raise ValueError("no start-of-frame marker")
