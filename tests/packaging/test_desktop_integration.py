"""The desktop entry, the MIME types and the AppStream metainfo agree with each other and with pipdesk's files."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipdesk import __version__
from pipdesk.services.plan_files import write_plan_file

from conftest import load_sample

PACKAGING = Path(__file__).parents[2] / "resources" / "packaging"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read(PACKAGING / "pipdesk.desktop", encoding="utf-8")
    return entry["Desktop Entry"]


def mime_types() -> dict[str, ET.Element]:
    root = ET.parse(PACKAGING / "pipdesk-mime.xml").getroot()
    return {element.attrib["type"]: element for element in root.iter(f"{MIME}mime-type")}


def metainfo() -> ET.Element:
    return ET.parse(PACKAGING / "org.pipdesk.pipdesk.metainfo.xml").getroot()


def test_the_desktop_entry_opens_both_kinds_of_file_and_takes_the_file_as_its_argument() -> None:
    entry = desktop_entry()
    assert set(filter(None, entry["MimeType"].split(";"))) == set(mime_types())
    assert set(mime_types()) == {"application/x-pipdesk-book", "application/x-pipdesk-plan+json"}
    assert entry["Exec"] == "pipdesk %f"


def test_the_metainfo_names_the_desktop_entry_the_types_and_this_version() -> None:
    root = metainfo()
    assert root.findtext("id") == "org.pipdesk.pipdesk"
    assert root.findtext("launchable") == "pipdesk.desktop"
    assert {m.text for m in root.iter("mediatype")} == set(mime_types())
    assert root.find("releases/release").attrib["version"] == __version__  # type: ignore[union-attr]


def test_a_plan_file_pipdesk_writes_is_recognised_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "Alex Moreno - Delivery predictability.json"
    write_plan_file(path, load_sample("alex-delivery-active"))
    start = path.read_bytes()[:256].decode("utf-8", "replace")
    plan_type = mime_types()["application/x-pipdesk-plan+json"]
    values = [match.attrib["value"] for match in plan_type.iter(f"{MIME}match")]
    assert any(value in start for value in values), start
    assert [g.attrib["pattern"] for g in plan_type.iter(f"{MIME}glob")] == ["*.pipdesk.json"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_desktop_entry_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "pipdesk.desktop")], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / "org.pipdesk.pipdesk.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
