"""remind_expiring: which agreements lapse soon, who decides, and who gets told."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from agreements.models import Agreement, AgreementKind
from governance.core.models import CoordinatorScope
from governance.core.scope import COORDINATORS
from tests.factories import agreements, bodies, users

pytestmark = pytest.mark.django_db


@pytest.fixture
def vg_declaration(db):
    """Västra Götaland's declaration of intent, valid 2016–2018, whose renewal SRO decides."""
    vg = bodies.county("14")
    sro = bodies.body("Politiska samrådsorganet", short_name="SRO", in_county=vg)
    return agreements.agreement(
        "Avsiktsförklaring VG 2016",
        start=dt.date(2016, 1, 1),
        end=dt.date(2018, 12, 31),
        in_county=vg,
        renewal_body=sro,
    )


def remind(*args) -> str:
    out = StringIO()
    call_command("remind_expiring", *args, stdout=out)
    return out.getvalue()


@pytest.mark.usefixtures("vg_declaration")
def test_lists_an_agreement_expiring_within_the_window_with_the_deciding_body():
    output = remind("--date", "2018-11-01", "--days", "90")
    assert "Avsiktsförklaring VG 2016" in output
    assert "2018-12-31" in output
    assert "60 dagar kvar" in output
    assert "SRO" in output


@pytest.mark.usefixtures("vg_declaration")
def test_leaves_out_agreements_that_end_after_the_window():
    output = remind("--date", "2018-11-01", "--days", "30")
    assert "Avsiktsförklaring VG 2016" not in output
    assert "Inga överenskommelser löper ut inom 30 dagar." in output


@pytest.mark.usefixtures("vg_declaration")
def test_leaves_out_agreements_that_have_already_ended():
    output = remind("--date", "2019-01-01", "--days", "365")
    assert "Avsiktsförklaring VG 2016" not in output


def test_names_the_adopting_bodies_when_no_renewal_body_is_registered(vg_declaration):
    Agreement.objects.filter(pk=vg_declaration.pk).update(renewal_body=None)
    output = remind("--date", "2018-11-01", "--days", "90")
    assert "ej angivet i registret" in output


@pytest.mark.usefixtures("vg_declaration")
def test_emails_each_coordinator_of_the_county_once(
    mailoutbox, coordinator_vg, coordinator_dalarna
):
    coordinator_vg.email = "samordnare.vg@example.se"
    coordinator_vg.save()
    coordinator_dalarna.email = "samordnare.dalarna@example.se"
    coordinator_dalarna.save()

    output = remind("--date", "2018-11-01", "--days", "90", "--email")

    assert len(mailoutbox) == 1
    (message,) = mailoutbox
    assert message.to == ["samordnare.vg@example.se"]
    assert "Avsiktsförklaring VG 2016" in message.body
    assert "SRO" in message.body
    reminders = [line for line in message.body.splitlines() if line.startswith("- ")]
    assert f"{len(reminders)} påminnelse" in message.subject
    assert "1 e-postmeddelande skickat" in output


def test_national_agreements_go_to_coordinators_with_national_scope(mailoutbox, reader):
    national = agreements.agreement(
        "Överenskommelse om evidensbaserad praktik 2016",
        short_name="Överenskommelse EBP 2016",
        kind=AgreementKind.NATIONAL_AGREEMENT,
        end=dt.date(2030, 6, 30),
    )
    assert national.county_id is None
    reader.groups.add(users.group(COORDINATORS))
    reader.email = "nationell@example.se"
    reader.save()
    CoordinatorScope.objects.create(user=reader, national=True)

    remind("--date", "2030-06-01", "--days", "60", "--email")

    assert [m.to for m in mailoutbox] == [["nationell@example.se"]]
    assert (national.short_name or national.title) in mailoutbox[0].body


def test_coordinators_without_an_address_or_outside_the_group_get_nothing(
    mailoutbox, coordinator_vg
):
    output = remind("--date", "2018-11-01", "--days", "90", "--email")
    assert mailoutbox == []
    assert "0 e-postmeddelanden skickade" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--days", "-1"], "mellan 0 och 3650"),
        (["--days", "100000"], "mellan 0 och 3650"),
        (["--date", "2018-02-30"], "Ogiltigt datum"),
        (["--date", "igår"], "Ogiltigt datum"),
    ],
)
def test_bad_input_is_refused_with_a_message(args, message):
    with pytest.raises(CommandError, match=message):
        remind(*args)


def test_bad_input_exits_non_zero_from_the_command_line():
    import os
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "manage.py", "remind_expiring", "--days", "många"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBUG": "true"},
        timeout=120,
    )
    assert result.returncode != 0
    assert "--days" in result.stderr
