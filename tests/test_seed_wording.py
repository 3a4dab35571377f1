"""The seed speaks in the registry's own words: passages that were the source documents'
text copied word for word are rewritten, and only quotations (clauses, a quoted
agreement) may repeat a source at length."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from governance.core.records import REGISTRY_APPS
from governance.seed.overlap import SOURCE_DIR, longest_verbatim, source_texts

pytestmark = [
    pytest.mark.usefixtures("seed"),
    pytest.mark.skipif(not SOURCE_DIR.is_dir(), reason="the source documents are not here"),
]

# (model label, slug, field) of the passages rewritten in the registry's own words.
REWRITTEN = [
    ("agreements.agreement", "organisationsforslag-dalarna-2019", "background"),
    ("agreements.agreement", "organisationsforslag-dalarna-2019", "purpose"),
    ("agreements.agreement", "avsiktsforklaring-vg-2016", "background"),
    ("agreements.agreement", "avsiktsforklaring-vg-2016", "purpose"),
    ("agreements.agreement", "overenskommelse-ebp-2016", "purpose"),
    ("agreements.agreement", "overenskommelse-ebp-2016", "background"),
    ("governance.milestone", "milstolpe-2014-statskontoret", "text"),
    ("governance.milestone", "milstolpe-2008", "text"),
    ("governance.milestone", "milstolpe-2009", "text"),
    ("governance.milestone", "milstolpe-2011", "text"),
    ("governance.supportstructure", "kronobergs-lan", "political_arena"),
    ("governance.supportstructure", "blekinge-lan", "decisions_needed"),
    ("governance.supportstructure", "dalarnas-lan", "decisions_needed"),
    ("governance.supportstructure", "uppsala-lan", "decisions_needed"),
    ("governance.supportstructure", "sodermanlands-lan", "political_arena"),
    ("governance.supportstructure", "uppsala-lan", "political_arena"),
    ("governance.supportstructure", "stockholms-lan", "political_arena"),
    ("governance.supportstructure", "gavleborgs-lan", "political_arena"),
]
# A sentence or a short list item may still match a source; a paragraph may not.
REWRITTEN_LIMIT = 150

# Where the wording is itself the fact: an agreement's or a proposal's clauses and listed
# responsibilities, and texts that present themselves as quotations.
QUOTATION_MODELS = {"agreements.clause", "bodies.responsibility"}
QUOTED = {("agreements.agreement", "overenskommelse-2013", "purpose")}
OVERALL_LIMIT = 400


def _value(label, slug, field):
    return getattr(apps.get_model(label)._default_manager.get(slug=slug), field)


@pytest.mark.parametrize(("label", "slug", "field"), REWRITTEN)
def test_rewritten_passage_repeats_no_long_run_of_its_source(label, slug, field):
    run = longest_verbatim(_value(label, slug, field), source_texts())
    assert len(run) <= REWRITTEN_LIMIT, run


def test_no_seeded_text_outside_quotations_copies_a_source_at_length():
    sources = source_texts()
    too_long = []
    for app in REGISTRY_APPS:
        for model in apps.get_app_config(app).get_models():
            label = model._meta.label_lower
            if label in QUOTATION_MODELS or model.__name__.endswith("Event"):
                continue
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.TextField | models.CharField) and f.name != "slug"
            ]
            for obj in model._default_manager.all():
                for name in fields:
                    value = getattr(obj, name) or ""
                    if len(value) <= OVERALL_LIMIT:
                        continue  # no run can be longer than the text
                    if (label, getattr(obj, "slug", None), name) in QUOTED:
                        continue
                    run = longest_verbatim(value, sources)
                    if len(run) > OVERALL_LIMIT:
                        too_long.append((label, getattr(obj, "slug", obj.pk), name, len(run)))
    assert too_long == []


def test_the_quoted_agreement_says_it_is_a_quotation():
    purpose = _value("agreements.agreement", "overenskommelse-2013", "purpose")
    assert purpose.startswith("Överenskommelsens egna ord, citerade i")
    assert "”Parterna är ense om" in purpose
